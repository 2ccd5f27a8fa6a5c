import { Merchant } from '../auth/merchant.entity.js';
import { VendorEvent } from '../callbacks/vendor-event.entity.js';
import { Lease } from '../common/locks/lease.entity.js';
import { IdPhotoOrder } from '../id-photo/entities/id-photo-order.entity.js';
import { IdPhotoSession } from '../id-photo/entities/photo-session.entity.js';
import { ZjzSubmission } from '../id-photo/entities/zjz-submission.entity.js';
import { IdentityCertification } from '../identity/entities/identity-certification.entity.js';
import { IdentityPaidAttempt } from '../identity/entities/identity-paid-attempt.entity.js';
import { InspectionAccount } from '../inspection/entities/inspection-account.entity.js';
import { InspectionOrderDetail } from '../inspection/entities/inspection-order-detail.entity.js';
import { InspectionVehicle } from '../inspection/entities/inspection-vehicle.entity.js';
import { InvoiceScan } from '../invoices/entities/invoice-scan.entity.js';
import { StoredFile } from '../common/storage/stored-file.entity.js';
import { MerchantAuditLog } from '../merchant/audit/merchant-audit-log.entity.js';
import { OrderEvent } from '../orders/order-event.entity.js';
import { Order } from '../orders/order.entity.js';
import { User } from '../users/user.entity.js';
import { VehicleCar } from '../vehicles/entities/car.entity.js';
import { StoredViolation } from '../vehicles/entities/stored-violation.entity.js';
import { ViolationOrder } from '../vehicles/entities/violation-order.entity.js';
import { Notice } from '../notifications/messages/notice.entity.js';
import { NotificationOutbox } from '../notifications/subscribe/outbox.entity.js';
import { SubscribeGrant } from '../notifications/subscribe/subscribe-grant.entity.js';
import { MediaCheck } from '../content-safety/media-check.entity.js';
import { Payment } from '../payments/entities/payment.entity.js';
import { Refund } from '../payments/entities/refund.entity.js';
import { ServicePrice } from '../payments/entities/service-price.entity.js';
import { ReconciliationMismatch } from '../payments/reconciliation/reconciliation-mismatch.entity.js';
import { ReconciliationRun } from '../payments/reconciliation/reconciliation-run.entity.js';
import { OutgoingCall } from '../outgoing-calls/outgoing-call.entity.js';

/** Every entity, listed once: the data source is built from this list (no glob loading under ESM). */
export const ENTITIES = [
  User,
  Merchant,
  Order,
  OrderEvent,
  VendorEvent,
  StoredFile,
  Lease,
  IdentityCertification,
  IdentityPaidAttempt,
  IdPhotoSession,
  IdPhotoOrder,
  ZjzSubmission,
  InvoiceScan,
  InspectionAccount,
  InspectionVehicle,
  InspectionOrderDetail,
  MerchantAuditLog,
  VehicleCar,
  StoredViolation,
  ViolationOrder,
  Notice,
  SubscribeGrant,
  NotificationOutbox,
  MediaCheck,
  Payment,
  Refund,
  ServicePrice,
  ReconciliationRun,
  ReconciliationMismatch,
  OutgoingCall,
];
