import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OrderViewDescribers, type OrderViewDescriber, type ViewSection } from '../orders/view/order-view.js';
import { chinaMinute, image, orNotFound, section, text } from '../orders/view/view-format.js';
import type { MerchantInspectionOrderDto } from './dto/order.dto.js';
import { InspectionOrders } from './inspection-orders.service.js';
import { WORDER_LABELS } from './worder-steps.js';

/** The inspection order for the merchant: car, station, the vendor's steps, shipments, materials. */
@Injectable()
export class InspectionOrderView implements OrderViewDescriber, OnModuleInit {
  readonly kind = 'inspection' as const;

  constructor(
    private readonly describers: OrderViewDescribers,
    private readonly orders: InspectionOrders,
  ) {}

  onModuleInit(): void {
    this.describers.register(this);
  }

  /** Docloud's worderStatus, or our own words before its id was known (待确认, 待核实). */
  vendorStatusLabel(vendorStatus: string): string | null {
    const label = WORDER_LABELS[Number(vendorStatus)];
    if (label) return label;
    return /^[\u4e00-\u9fa5]+$/.test(vendorStatus) ? vendorStatus : null;
  }

  async sections(orderId: number): Promise<ViewSection[]> {
    const order = await orNotFound(this.orders.getForMerchant(orderId));
    if (!order) return [];
    return [carSection(order), stepsSection(order), shippingSection(order), materialsSection(order)];
  }
}

function carSection(o: MerchantInspectionOrderDto): ViewSection {
  return section('inspection.order', '年检代办', [
    text('车牌', o.plateNumber),
    text('车辆性质', o.useFor === 1 ? '公车（单位车辆）' : '私家车'),
    text('年检城市', o.cityName),
    text('检测站', o.shopName ?? '待分配'),
    text('检测站地址', o.shopAddress),
    text('检测站电话', o.shopPhone),
    text('工单进度', o.worderLabel),
    text('车主手机', o.ownerPhone),
    text('服务商订单号', o.vendorOrderId || '待确认'),
    text('服务商车辆编号', o.vendorCarId),
    text('上次向服务商查询', chinaMinute(o.checkedAt)),
    o.checkError ? text('查询出错', o.checkError, 'danger') : null,
  ]);
}

function stepsSection(o: MerchantInspectionOrderDto): ViewSection {
  return section(
    'inspection.steps',
    '办理进度',
    o.steps.map((step) =>
      text(
        step.label,
        step.current
          ? `当前步骤${step.at ? ` · ${chinaMinute(step.at)}` : ''}`
          : step.reached
            ? `已完成${step.at ? ` · ${chinaMinute(step.at)}` : ''}`
            : '未到达',
        step.current ? 'success' : undefined,
      ),
    ),
  );
}

function shippingSection(o: MerchantInspectionOrderDto): ViewSection {
  const back = o.returnShipment;
  const address = o.returnAddress;
  return section('inspection.shipping', '寄送与寄回', [
    text('寄往检测站单号', o.sendEmsNumber ?? '尚未寄出'),
    text('寄回快递', back ? `${back.company ?? '快递'} ${back.number}` : '尚未寄回'),
    text('寄回收件人', address.name),
    text('寄回电话', address.phone),
    text('寄回地区', `${address.province}${address.city}${address.county}`),
    text('寄回地址', address.address),
  ]);
}

function materialsSection(o: MerchantInspectionOrderDto): ViewSection {
  return section(
    'inspection.materials',
    '所需材料',
    o.materials.map((material, i) =>
      material.sampleUrl
        ? { ...image(`材料 ${i + 1}：${material.text}`, material.sampleUrl), value: '查看示例' }
        : text(`材料 ${i + 1}`, [material.text, ...material.hints].join('；')),
    ),
  );
}
