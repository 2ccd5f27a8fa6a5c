import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OrderViewDescribers, type OrderViewDescriber, type ViewSection } from '../orders/view/order-view.js';
import { chinaMinute, image, orNotFound, section, text, yesNo, yuan } from '../orders/view/view-format.js';
import type { InvoiceScanDto } from './dto/invoice.dto.js';
import type { ScanStatus } from './entities/invoice-scan.entity.js';
import { InvoiceQueriesService } from './invoice-queries.service.js';

const SOURCE_LABELS: Record<string, string> = { photo: '拍照上传', qr_text: '二维码文本', qr_image: '二维码图片' };
const SCAN_STATUS_LABELS: Record<ScanStatus, string> = {
  unpaid: '待支付',
  recognising: '识别中',
  recognised: '已识别',
  failed: '识别失败',
  closed: '未支付，已关闭',
};

/** Our own steps of a scan (see invoice-steps.ts): Yundou has no order status of its own. */
const VENDOR_STATUS_LABELS: Record<string, string> = {
  submitted: '已提交',
  accepted: '服务商已受理',
  upload_failed: '上传失败',
  timeout: '识别超时',
  recognised: '识别成功',
  recognition_failed: '识别失败',
  qr_read: '二维码已读取',
};

/** The fields a recognised bill may carry, in the order a paper bill prints them. */
const BILL_LABELS: Array<[string, string]> = [
  ['invoiceCode', '发票代码'],
  ['invoiceNumber', '发票号码'],
  ['signDate', '日期'],
  ['time', '时间'],
  ['fullName', '姓名'],
  ['idNumber', '证件号码'],
  ['mobile', '手机号'],
  ['licenseNumber', '车号'],
  ['expenseType', '费用类型'],
  ['province', '省份'],
  ['city', '城市'],
  ['amountFen', '金额'],
  ['taxFen', '税额'],
  ['totalFen', '价税合计'],
  ['checkCode', '校验码'],
  ['producer', '监制章'],
  ['territory', '境内外'],
  ['chapter', '发票章'],
  ['invoiceOrder', '联次'],
];
const PARTY_LABELS: Array<[string, string]> = [
  ['payer', '购买方 / 付款方'],
  ['payee', '销售方 / 收款方'],
];

/** The invoice-scan order for the merchant: what was read, the typed bill, duplicates, the photo. */
@Injectable()
export class InvoiceOrderView implements OrderViewDescriber, OnModuleInit {
  readonly kind = 'invoice_scan' as const;

  constructor(
    private readonly describers: OrderViewDescribers,
    private readonly queries: InvoiceQueriesService,
  ) {}

  onModuleInit(): void {
    this.describers.register(this);
  }

  vendorStatusLabel(vendorStatus: string): string | null {
    return VENDOR_STATUS_LABELS[vendorStatus] ?? null;
  }

  async sections(orderId: number): Promise<ViewSection[]> {
    const scan = await orNotFound(this.queries.merchantDetail(orderId));
    if (!scan) return [];
    const bill = billOf(scan.bill);
    return [scanSection(scan), ...(bill ? [billSection(bill), ...partySections(bill)] : [])];
  }
}

function scanSection(scan: InvoiceScanDto): ViewSection {
  return section('invoice_scan.scan', '票据识别', [
    text('来源', SOURCE_LABELS[scan.source] ?? '其他'),
    text('识别状态', SCAN_STATUS_LABELS[scan.status], scan.status === 'failed' ? 'danger' : undefined),
    text('票据类型', scan.typeLabel),
    text('金额', scan.amountFen === null ? null : yuan(scan.amountFen)),
    text('开票日期', scan.issueDate),
    text('发票代码', scan.invoiceCode),
    text('发票号码', scan.invoiceNumber),
    text('数电发票', yesNo(scan.fullyDigital)),
    scan.duplicateOf
      ? text(
          '重复票据',
          `与订单 ${scan.duplicateOf.orderNo} 重复（${chinaMinute(scan.duplicateOf.scannedAt)} 识别）`,
          'warning',
        )
      : text('重复票据', '否'),
    text('已报销', scan.reimbursedAt ? chinaMinute(scan.reimbursedAt) : '否'),
    scan.failureMessage ? text('失败原因', scan.failureMessage, 'danger') : null,
    scan.warnings.length > 0 ? text('识别提示', scan.warnings.join('；'), 'warning') : null,
    text('上传时间', chinaMinute(scan.createdAt)),
    text('识别完成', chinaMinute(scan.recognisedAt)),
    image('票据照片', scan.photoUrl, scan.source === 'photo' ? '照片已删除' : '二维码识别，无照片'),
  ]);
}

type BillRecord = Record<string, unknown>;

/** The stored `{ bill, warnings }`, or a bill as it is. */
function billOf(dto: InvoiceScanDto['bill']): BillRecord | null {
  if (!dto) return null;
  // The sections walk the bill's fields by name, whatever its type.
  const stored: BillRecord = { ...dto };
  const inner = stored.bill;
  return inner && typeof inner === 'object' ? (inner as BillRecord) : stored;
}

function valueOf(key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return /Fen$/.test(key) ? yuan(value) : String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'label' in value && typeof value.label === 'string') return value.label;
  return null;
}

function billSection(bill: BillRecord): ViewSection {
  const fields = BILL_LABELS.map(([key, label]) => {
    const value = valueOf(key, bill[key]);
    return value === null ? null : text(label, value);
  });
  const items = Array.isArray(bill.items) ? (bill.items as BillRecord[]) : [];
  const lines = items.map((item, i) =>
    text(
      `明细 ${i + 1}`,
      [
        valueOf('name', item.name),
        valueOf('amountFen', item.amountFen),
        item.taxRate ? `税率 ${String(item.taxRate)}` : null,
      ]
        .filter(Boolean)
        .join(' · '),
    ),
  );
  return section('invoice_scan.bill', '票面信息（已脱敏）', [...fields, ...lines]);
}

function partySections(bill: BillRecord): ViewSection[] {
  return PARTY_LABELS.flatMap(([key, title]) => {
    const party = bill[key];
    if (!party || typeof party !== 'object') return [];
    const p = party as BillRecord;
    const s = section(`invoice_scan.${key}`, title, [
      p.name ? text('名称', String(p.name)) : null,
      p.taxId ? text('纳税人识别号', String(p.taxId)) : null,
      p.address ? text('地址', String(p.address)) : null,
      p.tel ? text('电话', String(p.tel)) : null,
      p.bank ? text('开户行', String(p.bank)) : null,
      p.account ? text('账号', String(p.account)) : null,
    ]);
    return s.fields.length > 0 ? [s] : [];
  });
}
