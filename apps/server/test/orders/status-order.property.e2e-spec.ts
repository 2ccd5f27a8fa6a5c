import { DOCLOUD_ORDER_STATUS_ORDER, type DocloudOrderStatusCode } from '@banshi/vendor-clients/docloud';
import { YUNDOU_STATUS_ORDER, type YundouScanStatus } from '@banshi/vendor-clients/yundou';
import { ZHIMA_STATUS_ORDER, type ZhimaCertifyStatus } from '@banshi/vendor-clients/zhima';
import { ZJZ_STATUS_ORDER, type ZjzCallbackEvent, type ZjzStatus } from '@banshi/vendor-clients/zjz';
import { stepForCallback, submittedStep } from '../../src/id-photo/zjz-steps.js';
import { NOT_PASSED, PASSED } from '../../src/identity/identity.service.js';
import { SCAN_STEPS } from '../../src/invoices/invoice-steps.js';
import { STEP_SUBMITTING, stepForVendorStatus } from '../../src/vehicles/orders/order-steps.js';
import { testDatabases } from '../support/databases.js';
import { userIdOf } from '../support/orders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { checkStatusOrder, type VendorCase } from './status-order-kit.js';

const ZJZ_KINDS = { 2: 'reviewing', 3: 'done', 4: 'shipped', [-1]: 'rejected', [-2]: 'cancelled' } as const;

/** A print order in its first round: every zjz status can come (4 only for print orders). */
const zjz: VendorCase<ZjzStatus> = {
  name: 'zjz',
  order: ZJZ_STATUS_ORDER,
  kind: 'id_photo',
  delivered: [2, 3, 4, -1, -2],
  start: submittedStep(1),
  step: (status) => {
    const kind = ZJZ_KINDS[status as keyof typeof ZJZ_KINDS];
    return stepForCallback({ status, kind } as ZjzCallbackEvent, 1, true);
  },
};

/** A credit order: 1 from the create answer, the rest from callbacks or the status query. */
const docloud: VendorCase<DocloudOrderStatusCode> = {
  name: 'docloud',
  order: DOCLOUD_ORDER_STATUS_ORDER,
  kind: 'violation_payment',
  delivered: [1, 2, 3, 4],
  start: STEP_SUBMITTING,
  step: (status) => stepForVendorStatus(status, 'credit'),
};

const YUNDOU_STEPS = {
  recognised: SCAN_STEPS.recognised,
  qr_read: SCAN_STEPS.qrRead,
  recognition_failed: SCAN_STEPS.recognitionFailed,
};
const yundou: VendorCase<YundouScanStatus> = {
  name: 'yundou',
  order: YUNDOU_STATUS_ORDER,
  kind: 'invoice_scan',
  delivered: ['recognised', 'qr_read', 'recognition_failed'],
  start: SCAN_STEPS.accepted,
  step: (status) => YUNDOU_STEPS[status as keyof typeof YUNDOU_STEPS],
};

/** Zhima answers at once; an order is never at 认证中, so this is the order that would be. */
const zhima: VendorCase<ZhimaCertifyStatus> = {
  name: 'zhima',
  order: ZHIMA_STATUS_ORDER,
  kind: 'identity',
  delivered: ['认证通过', '认证未通过'],
  start: { ...PASSED, status: 'processing', vendorStatus: '认证中', progress: 10 },
  step: (status) => (status === '认证通过' ? PASSED : NOT_PASSED),
};

describe.each(testDatabases())('status order of each vendor, every sequence of two and three (%s)', (kind) => {
  let t: TestApp;
  let userId: number;
  beforeAll(async () => {
    t = await startTestApp(kind);
    userId = await userIdOf(t, await t.loginUser());
  });
  afterAll(() => t.close());

  it.each([zjz, docloud, yundou, zhima] as VendorCase<string | number>[])('$name', async (vendor) => {
    const started = Date.now();
    const { tried, onePath } = await checkStatusOrder(t, userId, vendor);
    const n = vendor.delivered.length;
    expect(tried).toBe(n ** 2 + n ** 3);
    expect(onePath).toBeGreaterThan(0);
    console.warn(
      `status order ${vendor.name} (${kind}): ${tried} sequences tried, ${onePath} on one path, ${Date.now() - started} ms`,
    );
  });
});
