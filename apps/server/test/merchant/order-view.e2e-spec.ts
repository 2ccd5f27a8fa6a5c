import { sampleBill } from '@banshi/vendor-simulators/yundou';
import { JobScheduler } from '../../src/common/locks/job-scheduler.service.js';
import { STATUS_JOB } from '../../src/inspection/inspection-status.service.js';
import { ORDER_KINDS, ORDER_STATUSES } from '../../src/orders/order-status.js';
import { testDatabases } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { fastVendor, placeOrder as placeIdPhotoOrder, waitForOrder } from '../id-photo/support.js';
import { certify, makeFacePhoto, WANG_WU } from '../identity/support.js';
import { addGarageCar, docloud, placeOrder as placeInspectionOrder, saveCar } from '../inspection/support.js';
import { scanBill } from '../invoices/support.js';
import { violationPayKit } from '../payments/violation-support.js';

interface Field {
  label: string;
  value: string;
  type?: string;
  url?: string | null;
}
interface View {
  heading: string;
  sections: Array<{ key: string; title: string; fields: Field[] }>;
  timeline: Array<{ actor: string; text: string; status: string | null; vendorStatus: string | null }>;
  vendorEvents: {
    total: number;
    callbacks: number;
    queries: number;
    title: string;
    items: Array<{ source: string; title: string; verification: string; result: string; fields: Field[] }>;
  };
}

/** Raw keys and enums that must never reach a person: camelCase / snake_case words, status and kind codes. */
const RAW_WORD = /\b[a-z]+[A-Z][A-Za-z]*\b|\b[a-z]+_[a-z_]+\b/;
const ENUMS = new Set<string>([...ORDER_STATUSES, ...ORDER_KINDS, 'true', 'false', 'null', 'undefined']);
const LATIN_WORD = /[A-Za-z]{3,}/;
/** Values that are data, not words: identifiers and names may hold Latin letters. */
const DATA_LABELS = new Set([
  '订单号',
  '服务商单号',
  '昵称',
  '服务商订单号',
  '我方外部单号',
  '认证流水号',
  '服务商车辆编号',
]);
const UNITS = /\b(DPI)\b/g;

/** Every text a person reads, URLs aside, and where it is. */
function shownTexts(view: View): Array<[string, string]> {
  const texts: Array<[string, string]> = [['heading', view.heading]];
  for (const s of view.sections) {
    texts.push([`${s.key} title`, s.title]);
    for (const f of s.fields) {
      texts.push([`${s.key} label`, f.label]);
      if (!DATA_LABELS.has(f.label)) texts.push([`${s.key} ${f.label}`, f.value.replace(UNITS, '')]);
    }
  }
  for (const e of view.timeline) texts.push(['timeline actor', e.actor], ['timeline status', e.status ?? '']);
  for (const e of view.timeline) texts.push(['timeline vendor status', e.vendorStatus ?? '']);
  texts.push(['vendor events title', view.vendorEvents.title]);
  for (const e of view.vendorEvents.items) {
    texts.push(['event source', e.source], ['event verification', e.verification], ['event result', e.result]);
    for (const f of e.fields) texts.push([`event label`, f.label], [`event ${f.label}`, f.value]);
  }
  return texts;
}

function expectReadable(view: View): void {
  const leaks = shownTexts(view).filter(
    ([, text]) =>
      RAW_WORD.test(text) || ENUMS.has(text.trim()) || (LATIN_WORD.test(text) && !/^[A-Z0-9-]+$/.test(text)),
  );
  expect(leaks).toEqual([]);
  for (const s of view.sections) for (const f of s.fields) expect(f.label).toMatch(/[\u4e00-\u9fa5]/);
}

describe.each(testDatabases())('the merchant order view: labelled sections per kind (%s)', (kind) => {
  let t: TestApp;
  let merchant: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    merchant = await t.loginMerchant('view-owner');
  });
  afterAll(() => t.close());

  const view = async (orderId: number): Promise<View> =>
    (await t.http.get(`/api/merchant/orders/${orderId}/view`).set('Authorization', `Bearer ${merchant}`).expect(200))
      .body as View;
  const titles = (v: View) => v.sections.map((s) => s.title);
  const field = (v: View, key: string, label: string) =>
    v.sections.find((s) => s.key === key)?.fields.find((f) => f.label === label)?.value;

  it('id_photo: spec, masked receipt fields, files and the callbacks, in Chinese', async () => {
    fastVendor(t);
    const token = await t.loginUser('view-id-photo');
    const { orderId } = await placeIdPhotoOrder(t, token);
    await waitForOrder(t, token, orderId, 'completed');
    const v = await view(orderId);
    expect(titles(v)).toEqual(['订单信息', '下单用户', '证件照规格', '回执信息（已脱敏）', '照片与回执', '冲印邮寄']);
    expect(field(v, 'order', '状态')).toBe('已完成');
    expect(field(v, 'order', '服务商状态')).toBe('办理完成');
    expect(field(v, 'order', '金额')).toMatch(/^¥\d+\.\d{2}$/);
    expect(field(v, 'id_photo.spec', '底色')).toBe('白底');
    const receipt = v.sections.find((s) => s.key === 'id_photo.receipt')!;
    expect(JSON.stringify(receipt)).not.toContain('王小明');
    expect(v.vendorEvents).toMatchObject({ callbacks: 2, queries: 0, total: 2, title: '服务商事件（2）' });
    expect(v.vendorEvents.items[0]).toMatchObject({ source: '回调', verification: '验签通过' });
    expectReadable(v);
    // The list row says the vendor's status in the same words, its code beside them.
    const list = await t.http
      .get('/api/merchant/orders?kind=id_photo')
      .set('Authorization', `Bearer ${merchant}`)
      .expect(200);
    const row = (list.body.items as Array<{ id: number }>).find((item) => item.id === orderId);
    expect(row).toMatchObject({ vendorStatus: '3', vendorStatusLabel: '办理完成' });
  });

  it('invoice_scan: the scan and the typed bill with labels, no raw keys', async () => {
    const token = await t.loginUser('view-invoice');
    const scan = await scanBill(t, token, sampleBill('taxi'));
    const v = await view(scan.orderId as number);
    expect(titles(v).slice(0, 4)).toEqual(['订单信息', '下单用户', '票据识别', '票面信息（已脱敏）']);
    expect(field(v, 'invoice_scan.scan', '来源')).toBe('拍照上传');
    expect(field(v, 'invoice_scan.scan', '识别状态')).toBe('已识别');
    expect(field(v, 'order', '服务商状态')).toBe('识别成功');
    expect(v.vendorEvents.callbacks).toBeGreaterThanOrEqual(1);
    expectReadable(v);
  });

  it('identity: the masked person and the answer; the synchronous answer counts as a vendor event', async () => {
    const token = await t.loginUser('view-identity');
    const attempt = await certify(t, token, WANG_WU, await makeFacePhoto()).expect(201);
    const v = await view(attempt.body.orderId as number);
    expect(field(v, 'identity.result', '姓名')).toBe('王*');
    expect(field(v, 'identity.result', '认证结果')).toBe('未通过');
    expect(field(v, 'order', '状态')).toBe('失败');
    expect(v.vendorEvents.total).toBe(v.vendorEvents.callbacks + v.vendorEvents.queries);
    expect(v.vendorEvents.queries).toBeGreaterThanOrEqual(1);
    expectReadable(v);
  });

  it('violation_payment: car, amounts in ¥ and each violation', async () => {
    // Credit mode pays first: the order waits 待支付 with its payment (fines, fees, our fee).
    const { orderId } = await violationPayKit(() => t).unpaidOrder(2);
    const v = await view(orderId);
    expect(titles(v)).toEqual(['订单信息', '支付', '下单用户', '代缴订单', '金额', '违章 1', '违章 2']);
    expect(field(v, 'violation_payment.amount', '合计')).toMatch(/^¥\d+\.\d{2}$/);
    expect(field(v, 'violation_payment.order', '支付方式')).toBe('用户先付（微信支付），再由商户账户挂账代缴');
    expectReadable(v);
  });

  it('inspection: the polled vendor steps are counted as vendor events (not "0 callbacks")', async () => {
    const sim = docloud(t);
    const token = await t.loginUser('view-inspection');
    const carId = await addGarageCar(t, token, '浙B3V9K2');
    await saveCar(t, token, carId).expect(200);
    const created = await placeInspectionOrder(t, token, carId, 11800).expect(201);
    const orderId = created.body.id as number;
    const [row] = await t.dataSource.query(`SELECT vendor_order_id FROM inspection_orders WHERE order_id = ${orderId}`);
    const vendorOrderId = String((row as { vendor_order_id: string }).vendor_order_id);
    for (let i = 0; i < 3; i++) {
      sim.advanceInspectionOrder(vendorOrderId);
      await t.app.get(JobScheduler).runNow(STATUS_JOB);
    }
    const v = await view(orderId);
    const vendorSteps = v.timeline.filter((e) => e.actor === '服务商').length;
    expect(vendorSteps).toBeGreaterThanOrEqual(4);
    expect(v.vendorEvents).toMatchObject({ callbacks: 0, queries: vendorSteps, total: vendorSteps });
    expect(v.vendorEvents.title).toBe(`服务商事件（${vendorSteps}）`);
    expect(v.vendorEvents.items.every((e) => e.source === '查询' && e.verification === '主动查询（无需验签）')).toBe(
      true,
    );
    expect(field(v, 'inspection.order', '车辆性质')).toBe('私家车');
    expect(field(v, 'order', '服务商状态')).toBe('办理完成，待寄回');
    expectReadable(v);
  });

  it('refuses an unknown order with a 404 a person can read', async () => {
    const response = await t.http
      .get('/api/merchant/orders/99999999/view')
      .set('Authorization', `Bearer ${merchant}`)
      .expect(404);
    expect(response.body.message).toBe('订单不存在');
  });
});
