import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1763800000000-initial-schema.js';

/** Vehicles (车辆): the garage, each car's last known violations, violation-payment orders, notices. */
export class Vehicles1763900003000 implements MigrationInterface {
  name = 'Vehicles1763900003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'vehicle_cars',
        columns: [
          c.id(),
          c.int('user_id'),
          c.text('plate_enc'),
          c.varchar('plate_index', 64),
          c.varchar('car_type', 2),
          c.varchar('city', 32),
          c.varchar('province', 32),
          c.varchar('city_prefix', 4),
          c.text('vin_enc', true),
          c.text('engine_no_enc', true),
          c.text('vendor_token_enc', true),
          c.bool('monitor_wanted'),
          c.varchar('monitor_state', 16, false, 'off'),
          c.varchar('monitor_message', 255, true),
          c.text('counts_json', true),
          c.datetime('counts_at', true),
          c.datetime('violations_at', true),
          c.varchar('violations_source', 16, true),
          c.bool('violations_deduct_self'),
          c.text('drive_num_enc', true),
          c.text('file_num_enc', true),
          c.datetime('deduct_self_at', true),
          c.varchar('license_front_file', 36, true),
          c.varchar('license_back_file', 36, true),
          c.datetime('license_uploaded_at', true),
          c.datetime('removed_at', true),
          c.datetime('created_at'),
          c.datetime('updated_at'),
        ],
        indices: [
          { name: 'idx_vehicle_cars_user', columnNames: ['user_id', 'removed_at'] },
          { name: 'idx_vehicle_cars_plate', columnNames: ['plate_index'] },
          { name: 'idx_vehicle_cars_monitor', columnNames: ['monitor_state'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'vehicle_violations',
        columns: [
          c.id(),
          c.int('car_id'),
          c.varchar('code', 64),
          c.varchar('occurred_at', 19),
          c.int('fine_fen'),
          c.int('points'),
          c.int('service_fee_fen', true),
          c.int('mark_fee_fen', true),
          c.bool('can_select'),
          c.int('process_status', true),
          c.int('payment_status', true),
          c.bool('need_travel_license'),
          c.varchar('address', 255, false, ''),
          c.varchar('reason', 255, false, ''),
          c.varchar('violation_city', 32, true),
          c.varchar('province', 32, true),
          c.varchar('city', 32, true),
          c.varchar('organ_name', 128, true),
          c.datetime('first_seen_at'),
          c.datetime('updated_at'),
        ],
        indices: [{ name: 'uq_vehicle_violations_car_code', columnNames: ['car_id', 'code'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'violation_orders',
        columns: [
          c.id(),
          { ...c.int('order_id'), isUnique: true },
          c.int('user_id'),
          c.int('car_id'),
          c.varchar('idempotency_key', 64),
          { ...c.varchar('out_order_no', 32), isUnique: true },
          c.varchar('vendor_order_id', 32, true),
          c.varchar('state', 16),
          c.bool('deduct_self'),
          c.varchar('payment_mode', 8),
          c.text('plate_enc'),
          c.text('vendor_token_enc', true),
          c.text('items_enc'),
          c.int('fine_fen'),
          c.int('service_fee_fen'),
          c.int('mark_fee_fen'),
          c.int('total_fen'),
          c.int('refund_fen', false, 0),
          c.text('pay_url', true),
          c.varchar('cancel_reason', 255, true),
          c.varchar('failure_code', 64, true),
          c.varchar('failure_message', 255, true),
          c.int('vendor_status', true),
          c.datetime('last_vendor_update_at'),
          c.datetime('created_at'),
          c.datetime('updated_at'),
        ],
        indices: [
          { name: 'uq_violation_orders_idempotency', columnNames: ['user_id', 'idempotency_key'], isUnique: true },
          { name: 'idx_violation_orders_vendor', columnNames: ['vendor_order_id'] },
          { name: 'idx_violation_orders_state', columnNames: ['state', 'last_vendor_update_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notices',
        columns: [
          c.id(),
          c.int('user_id'),
          c.varchar('kind', 32),
          c.varchar('title', 64),
          c.varchar('body', 500),
          c.varchar('link', 255, true),
          { ...c.varchar('dedupe_key', 191, true), isUnique: true },
          c.datetime('read_at', true),
          c.datetime('created_at'),
        ],
        indices: [
          { name: 'idx_notices_user', columnNames: ['user_id', 'id'] },
          { name: 'idx_notices_user_unread', columnNames: ['user_id', 'read_at'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['notices', 'violation_orders', 'vehicle_violations', 'vehicle_cars']) {
      await queryRunner.dropTable(table);
    }
  }
}
