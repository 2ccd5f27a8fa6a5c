import { createHash } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  DOCLOUD_CALLBACK_ACK,
  docloudApiError,
  verifyViolationChangeCallback,
  type DocloudMonitorFailedEvent,
  type DocloudViolation,
  type DocloudViolationChangeEvent,
  type DocloudViolationsChangedEvent,
} from '@banshi/vendor-clients/docloud';
import { IsNull, type EntityManager } from 'typeorm';
import type { CallbackHandler } from '../../callbacks/callback-handler.js';
import { CallbackInbox } from '../../callbacks/callback-inbox.service.js';
import type { RawCallback } from '../../callbacks/vendor-event.entity.js';
import { forUpdate } from '../../database/transactions.js';
import { docloudToAppError } from '../docloud-errors.js';
import { VehicleCar } from '../entities/car.entity.js';
import { plateIndexOf } from '../garage/garage.service.js';
import { checkPlate, maskPlate } from '../garage/plate.js';
import { formatFen } from '../money.js';
import { NoticesService } from '../../notifications/messages/notices.service.js';
import { mergeFromCallback } from '../violations/violation-store.js';
import { DOCLOUD_ANSWERS, DOCLOUD_CALLBACK_CREDENTIALS, type DocloudCredentials } from './docloud-credentials.js';

type Event = DocloudViolationChangeEvent & { plateIndex: string };

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** The same list, however its items are ordered, is the same event. */
function fingerprint(violations: DocloudViolation[]): string {
  const items = violations
    .map((v) => [v.code, v.processStatus ?? '', v.paymentStatus ?? '', v.fineFen, v.point, v.time].join('|'))
    .sort();
  return sha(items.join('\n')).slice(0, 40);
}

/**
 * 《车辆违章信息变更通知》 at `POST /api/callbacks/docloud/violation`: a monitored plate's current
 * violations (stored for every car with that plate; owners who switched monitoring on get a notice
 * of the new ones), or a monitoring failure (the car is marked and its owner told what to fix).
 */
@Injectable()
export class ViolationCallbackHandler implements CallbackHandler<Event>, OnModuleInit {
  readonly vendor = 'docloud';
  readonly topic = 'violation';

  constructor(
    private readonly inbox: CallbackInbox,
    private readonly notices: NoticesService,
    @Inject(DOCLOUD_CALLBACK_CREDENTIALS) private readonly credentials: DocloudCredentials,
  ) {}

  onModuleInit(): void {
    this.inbox.register(this);
  }

  verify(raw: RawCallback) {
    const event = verifyViolationChangeCallback({ rawQuery: raw.query, rawBody: raw.body }, this.credentials);
    const plate = checkPlate(event.plateNumber);
    const plateIndex = plateIndexOf(plate.valid ? plate.plate : event.plateNumber.trim());
    const car = plateIndex.slice(0, 32);
    // A failure has no id of its own: the vendor's notification is its plate, code and message as
    // signed at one instant (a retry resends that URL), whatever the date when it arrives.
    const dedupeKey =
      event.kind === 'violations-changed'
        ? `docloud:violations:${car}:${fingerprint(event.violations)}`
        : `docloud:monitor-failed:${car}:${event.code}:${sha(event.message).slice(0, 16)}:${event.signedAt}`;
    return {
      dedupeKey,
      event: { ...event, plateIndex },
      summary: { kind: event.kind, plate: maskPlate(event.plateNumber) },
    };
  }

  async apply(event: Event, { manager, vendorEventId }: { manager: EntityManager; vendorEventId: number }) {
    // Locked (MySQL): two lists of one plate applied at once must compare against each other.
    const cars = await manager.find(VehicleCar, {
      where: { plateIndex: event.plateIndex, removedAt: IsNull() },
      ...forUpdate(manager),
    });
    if (cars.length === 0) return { outcome: 'no_car' };
    if (event.kind === 'monitor-failed') return this.monitorFailed(manager, cars, event, vendorEventId);
    return this.violationsChanged(manager, cars, event);
  }

  acknowledge() {
    return { status: 200, body: DOCLOUD_CALLBACK_ACK };
  }

  failure(reason: string) {
    return DOCLOUD_ANSWERS.failure(reason);
  }

  rejection(reason: string, error?: unknown) {
    return DOCLOUD_ANSWERS.rejection(reason, error);
  }

  /**
   * The list carries no time of its own: the notification's signed timestamp is its time (capped
   * at now, a vendor clock ahead of ours must not make a list look newer than the next one). A
   * car whose stored list is newer (a later notification, or a query answered later) keeps it:
   * see docs/vendor-readings.md.
   */
  private async violationsChanged(manager: EntityManager, cars: VehicleCar[], event: DocloudViolationsChangedEvent) {
    const at = new Date();
    const listAt = new Date(Math.min(event.signedAt, at.getTime()));
    let told = 0;
    let older = 0;
    for (const car of cars) {
      if (car.violationsAt && listAt < car.violationsAt) {
        older++;
        continue;
      }
      const firstSync = car.violationsAt === null;
      const fresh = await mergeFromCallback(manager, car, event.violations, at, listAt);
      if (!car.monitorWanted || fresh.length === 0) continue;
      const added = await this.notices.add(manager, {
        userId: car.userId,
        kind: 'new_violations',
        title: firstSync ? '违章监控已同步' : '发现新违章',
        body: describeNew(car, fresh, firstSync),
        link: `/vehicles/pages/violations/index?carId=${car.id}`,
        dedupeKey: `vehicles:new-violations:${car.id}:${sha(
          fresh
            .map((v) => v.code)
            .sort()
            .join(','),
        ).slice(0, 32)}`,
      });
      if (added) told++;
    }
    if (older === cars.length) return { outcome: 'older_list_kept_newer' };
    return { outcome: told ? `updated_notified_${told}` : 'updated' };
  }

  /**
   * Marks the watching cars failed and tells each owner once per failure: a car already failed for
   * the same reason (the vendor telling again, re-signed or after midnight) is not told again; once
   * the owner fixes the car or switches monitoring on again, the state leaves `failed` and the next
   * failure is news.
   */
  private async monitorFailed(
    manager: EntityManager,
    cars: VehicleCar[],
    event: DocloudMonitorFailedEvent,
    vendorEventId: number,
  ) {
    const advice = (
      docloudToAppError(docloudApiError(event.code, event.message)).getResponse() as { message: string }
    ).message.slice(0, 255);
    let told = 0;
    const watching = cars.filter((c) => c.monitorWanted);
    const toTell = watching.filter((c) => !(c.monitorState === 'failed' && c.monitorMessage === advice));
    for (const car of toTell) {
      await manager.update(
        VehicleCar,
        { id: car.id },
        { monitorState: 'failed', monitorMessage: advice, updatedAt: new Date() },
      );
      await this.notices.add(manager, {
        userId: car.userId,
        kind: 'monitor_failed',
        title: '违章监控未能生效',
        body: `${maskPlate(car.plateNumber)} 的违章监控失败：${advice}。修改后请重新开启违章监控。`,
        link: `/vehicles/pages/car-form/index?id=${car.id}`,
        dedupeKey: `vehicles:monitor-failed:${car.id}:${vendorEventId}`,
      });
      told++;
    }
    if (told) return { outcome: 'monitor_failed' };
    return { outcome: watching.length ? 'monitor_failed_already_told' : 'monitor_failed_unwatched' };
  }
}

function describeNew(car: VehicleCar, fresh: DocloudViolation[], firstSync: boolean): string {
  const plate = maskPlate(car.plateNumber);
  if (firstSync) return `${plate} 已开启违章监控，当前有 ${fresh.length} 条未处理违章，点击查看。`;
  const [first] = fresh;
  const where = [first.violationCity, first.address].filter(Boolean).join(' ');
  const detail = `${first.time.slice(0, 16)} ${where}，${first.reason}，罚款 ${formatFen(first.fineFen)}${
    first.point ? `，记 ${first.point} 分` : ''
  }`;
  return fresh.length === 1
    ? `${plate} 新增 1 条违章：${detail}。`
    : `${plate} 新增 ${fresh.length} 条违章，最近一条：${detail}。`;
}
