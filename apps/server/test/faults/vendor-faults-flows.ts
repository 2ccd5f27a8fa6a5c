import type { DocloudSimulator } from '@banshi/vendor-simulators/docloud';
import { In } from 'typeorm';
import { ZjzSubmission } from '../../src/id-photo/entities/zjz-submission.entity.js';
import { OutgoingCall } from '../../src/outgoing-calls/outgoing-call.entity.js';
import { ID_CARD_PARAM } from '../id-photo/support.js';
import { unlistedPerson } from '../identity/support.js';
import { eligibleCar, NINGBO_ADDRESS } from '../inspection/support.js';
import type { TestApp } from '../support/test-app.js';
import { findPlate, payable, VIN, ENGINE_NO } from '../vehicles/support.js';
import { eventually, tap, type Journal } from './vendor-faults-kit.js';

/** What the flows share: the app, the answers' journal, and the images made once. */
export interface FlowContext {
  t: TestApp;
  journal: Journal;
  portrait: Buffer;
  bill: Buffer;
  face: Buffer;
}

/**
 * One user going through one paying flow. `run` is what they do while the vendors fail; `finish`
 * is what they do once the vendors are back (retry what did not go through, wait for the end).
 * Each keeps what the checks need: the user's token and their order ids.
 */
export abstract class Flow {
  token = '';
  orderIds: number[] = [];
  constructor(
    protected readonly ctx: FlowContext,
    readonly name: string,
  ) {}

  abstract run(): Promise<void>;
  abstract finish(): Promise<void>;

  protected get t(): TestApp {
    return this.ctx.t;
  }

  protected tap(step: string, send: () => ReturnType<TestApp['http']['get']>, tries?: number) {
    return tap(this.ctx.journal, this.name, step, send, tries);
  }

  protected auth(): [string, string] {
    return ['Authorization', `Bearer ${this.token}`];
  }

  protected async login(): Promise<void> {
    this.token ||= await this.t.loginUser(`vendor-faults-${this.name}`);
  }
}

/** The zjz simulator rejects a first submission with this phone: the user fixes nothing and resubmits. */
export const REJECTED_MOBILE = '13900000404';

export class IdPhotoFlow extends Flow {
  private photoId?: number;
  constructor(
    ctx: FlowContext,
    name: string,
    private readonly rejected: boolean,
  ) {
    super(ctx, name);
  }

  async run(): Promise<void> {
    await this.login();
    await this.order();
    if (this.rejected && this.orderIds[0]) {
      const rejected = await eventually(async () => ((await this.status()) === 'action_required' ? true : undefined));
      if (rejected) await this.resubmit();
    }
  }

  async finish(): Promise<void> {
    await this.order();
    const [orderId] = this.orderIds;
    if (!orderId) throw new Error(`${this.name}: no order even without faults`);
    // Unconfirmed and never called back: the vendor never got it. Let the confirmation window pass.
    const [order] = await this.t.dataSource.query(`SELECT vendor_status FROM orders WHERE id = ${Number(orderId)}`);
    if ((order as { vendor_status: string }).vendor_status === '待确认') {
      const dayAgo = new Date(Date.now() - 25 * 3_600_000);
      // The window runs from the ledger entry of the unconfirmed submit.
      const sent = await this.t.dataSource.getRepository(ZjzSubmission).findBy({ orderId });
      await this.t.dataSource
        .getRepository(OutgoingCall)
        .update({ vendor: 'zjz', subjectId: In(sent.map((one) => String(one.id))) }, { createdAt: dayAgo });
      await this.order(true);
    }
    if (this.rejected) {
      await eventually(async () => ((await this.status()) === 'action_required' ? true : undefined), 3_000);
      if ((await this.status()) === 'action_required') await this.resubmit();
    }
    await eventually(async () => ((await this.status()) === 'completed' ? true : undefined), 15_000);
  }

  async status(): Promise<string | undefined> {
    const response = await this.t.http.get(`/api/id-photo/orders/${this.orderIds[0]}`).set(...this.auth());
    return response.status === 200 ? (response.body.order.status as string) : undefined;
  }

  private async order(again = false): Promise<void> {
    if (this.orderIds.length > 0 && !again) return;
    if (this.photoId === undefined) {
      const upload = await this.tap('upload photo', () =>
        this.t.http
          .post('/api/id-photo/photos')
          .set(...this.auth())
          .field('itemId', '21')
          .attach('file', this.ctx.portrait, { filename: 'me.jpg', contentType: 'image/jpeg' }),
      );
      if (upload.status !== 201) return;
      this.photoId = upload.body.id as number;
    }
    const param = { ...ID_CARD_PARAM, text_mobile: this.rejected ? REJECTED_MOBILE : ID_CARD_PARAM.text_mobile };
    const created = await this.tap('submit order', () =>
      this.t.http
        .post('/api/id-photo/orders')
        .set(...this.auth())
        .send({ photoId: this.photoId, color: 'white', param, agreePrivacy: true }),
    );
    // 201, or the order kept unconfirmed (503, then 409 SUBMIT_UNCONFIRMED): either way it exists.
    const [session] = await this.t.dataSource.query(
      `SELECT order_id FROM id_photo_sessions WHERE id = ${Number(this.photoId)}`,
    );
    const orderId = (session as { order_id: number | null } | undefined)?.order_id;
    if (created.status === 201) expect(created.body.order.id).toBe(Number(orderId));
    if (orderId) this.orderIds = [Number(orderId)];
  }

  private async resubmit(): Promise<void> {
    await this.tap('resubmit', () =>
      this.t.http
        .post(`/api/id-photo/orders/${this.orderIds[0]}/resubmit`)
        .set(...this.auth())
        .send({}),
    );
  }
}

let phoneSerial = 0;
const nextPhone = () => `137${String(process.pid % 1000).padStart(3, '0')}${String(++phoneSerial).padStart(5, '0')}`;

/** A flow on a car of the garage (added through the vehicles API, as the mini-program does). */
abstract class CarFlow extends Flow {
  carId?: number;

  /** Adds the car; if a 503 hid whether it was added, the garage list says. */
  protected async garageCar(plateNumber: string, extra: object): Promise<void> {
    if (this.carId) return;
    const added = await this.tap('add car', () =>
      this.t.http
        .post('/api/vehicles/cars')
        .set(...this.auth())
        .send({ plateNumber, phone: nextPhone(), consent: true, ...extra }),
    );
    if (added.status === 201) {
      this.carId = added.body.id as number;
      return;
    }
    const list = await this.t.http.get('/api/vehicles/cars').set(...this.auth());
    const cars = (Array.isArray(list.body) ? list.body : (list.body.items ?? [])) as { id: number }[];
    this.carId = cars[0]?.id;
  }
}

export class ViolationFlow extends CarFlow {
  private codes?: string[];
  private readonly key = `vendor-faults-${process.pid}-${Math.random().toString(36).slice(2)}`;
  private readonly plate: string;

  constructor(ctx: FlowContext, name: string) {
    super(ctx, name);
    this.plate = findPlate(ctx.t.sandbox.get<DocloudSimulator>('docloud'), (list) => payable(list).length >= 1);
  }

  async run(): Promise<void> {
    await this.login();
    await this.pay();
  }

  async finish(): Promise<void> {
    await this.pay();
    await eventually(async () => ((await this.status()) === 'completed' ? true : undefined), 15_000);
  }

  async status(): Promise<string | undefined> {
    if (!this.orderIds[0]) return undefined;
    const response = await this.t.http.get(`/api/vehicles/orders/${this.orderIds[0]}`).set(...this.auth());
    return response.status === 200 ? (response.body.status as string) : undefined;
  }

  private async pay(): Promise<void> {
    if (this.orderIds.length > 0) return;
    await this.garageCar(this.plate, { vin: VIN, engineNo: ENGINE_NO });
    if (!this.carId) return;
    if (!this.codes) {
      const query = await this.tap('query violations', () =>
        this.t.http.post(`/api/vehicles/cars/${this.carId}/violations/query`).set(...this.auth()),
      );
      if (query.status !== 200) return;
      const items = query.body.items as { code: string; canSelect: boolean }[];
      this.codes = items.filter((v) => v.canSelect).map((v) => v.code);
    }
    // The same key on every retry: one payment, never a second vendor order.
    const order = await this.tap('pay violations', () =>
      this.t.http
        .post('/api/vehicles/orders')
        .set(...this.auth())
        .set('Idempotency-Key', this.key)
        .send({ carId: this.carId, codes: this.codes }),
    );
    if (order.status === 201) this.orderIds = [order.body.id as number];
  }
}

let plateSerial = 0;
const ningboPlate = () => `浙B${String(700 + (++plateSerial % 300)).padStart(3, '0')}K${plateSerial % 10}`;

export class InspectionFlow extends CarFlow {
  private saved = false;
  private readonly plate = ningboPlate();

  async run(): Promise<void> {
    await this.login();
    await this.order();
  }

  async finish(): Promise<void> {
    await this.order();
  }

  private async order(): Promise<void> {
    if (this.orderIds.length > 0) return;
    await this.garageCar(this.plate, { vin: 'LFV2A21K8E4123456', engineNo: 'EA888123' });
    if (!this.carId) return;
    if (!this.saved) {
      const saved = await this.tap('save car', () =>
        this.t.http
          .put(`/api/inspection/cars/${this.carId}`)
          .set(...this.auth())
          .send(eligibleCar()),
      );
      if (saved.status !== 200) return;
      this.saved = true;
    }
    const pre = await this.tap('pre-order', () =>
      this.t.http.get(`/api/inspection/cars/${this.carId}/pre-order`).set(...this.auth()),
    );
    if (pre.status !== 200) return;
    const placed = await this.tap('place order', () =>
      this.t.http
        .post('/api/inspection/orders')
        .set(...this.auth())
        .send({ garageCarId: this.carId, priceFen: pre.body.priceFen, ...NINGBO_ADDRESS }),
    );
    if (placed.status === 201) this.orderIds = [placed.body.id as number];
  }
}

export class InvoiceFlow extends Flow {
  async run(): Promise<void> {
    await this.login();
    await this.scan();
  }

  async finish(): Promise<void> {
    await this.scan();
  }

  /** Uploads once, then "重新识别" on a failed upload, until the bill is read (or tries run out). */
  private async scan(): Promise<void> {
    for (let tries = 0; tries < 4; tries++) {
      const last = this.orderIds.at(-1);
      const scan = last ? await this.settled(last) : undefined;
      if (scan?.status === 'recognised') return;
      const response = scan
        ? await this.tap('retry scan', () => this.t.http.post(`/api/invoices/${scan.id}/retry`).set(...this.auth()))
        : await this.tap('upload bill', () =>
            this.t.http
              .post('/api/invoices/photos')
              .set(...this.auth())
              .attach('file', this.ctx.bill, 'bill.jpg'),
          );
      if (response.status !== 201) return;
      this.orderIds.push(response.body.id as number);
    }
  }

  private settled(scanId: number) {
    return eventually(async () => {
      const response = await this.t.http.get(`/api/invoices/${scanId}`).set(...this.auth());
      const body = response.body as { id: number; status: string };
      return response.status === 200 && body.status !== 'recognising' ? body : undefined;
    }, 6_000);
  }
}

export class IdentityFlow extends Flow {
  private readonly person = unlistedPerson('钱多多');

  async run(): Promise<void> {
    await this.login();
    await this.certify();
  }

  async finish(): Promise<void> {
    await this.certify();
  }

  private async certify(): Promise<void> {
    if (this.orderIds.length > 0) return;
    const answer = await this.tap('certify', () =>
      this.t.http
        .post('/api/identity/certifications')
        .set(...this.auth())
        .field('consent', 'true')
        .field('name', this.person.name)
        .field('idNumber', this.person.idNumber)
        .attach('face', this.ctx.face, { filename: 'face.jpg', contentType: 'image/jpeg' }),
    );
    if (answer.status === 201) this.orderIds = [answer.body.orderId as number];
  }
}
