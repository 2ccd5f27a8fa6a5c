import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './1763800000000-initial-schema.js';

/** Annual inspection (年检代办): vendor accounts, the garage cars' inspection facts, order details. */
export class Inspection1763900004000 implements MigrationInterface {
  name = 'Inspection1763900004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'inspection_accounts',
        columns: [
          c.id(),
          { ...c.int('user_id'), isUnique: true },
          c.text('token_enc'),
          c.datetime('created_at'),
          c.datetime('updated_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'inspection_vehicles',
        columns: [
          c.id(),
          c.int('user_id'),
          c.int('garage_car_id'),
          c.text('plate_number_enc'),
          c.int('brand_id'),
          c.varchar('brand_name', 64),
          c.int('series_id'),
          c.varchar('series_name', 64),
          c.int('model_id'),
          c.varchar('model_name', 128),
          c.varchar('register_date', 10),
          c.int('car_seats'),
          c.int('use_for'),
          c.int('operation_type'),
          c.int('accident_car'),
          c.varchar('vendor_car_id', 32, true),
          c.text('pre_order', true),
          c.datetime('pre_order_at', true),
          c.datetime('created_at'),
          c.datetime('updated_at'),
        ],
        indices: [{ name: 'uq_inspection_vehicles_car', columnNames: ['user_id', 'garage_car_id'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'inspection_orders',
        columns: [
          c.id(),
          { ...c.int('order_id'), isUnique: true },
          c.int('user_id'),
          c.int('garage_car_id'),
          { ...c.varchar('vendor_order_id', 32), isUnique: true },
          c.varchar('vendor_car_id', 32),
          c.text('plate_number_enc'),
          c.int('use_for'),
          c.int('price_fen'),
          c.int('inspect_city_id'),
          c.varchar('inspect_city_name', 32),
          c.int('shop_id'),
          c.varchar('shop_name', 128, true),
          c.varchar('shop_address', 255, true),
          c.varchar('shop_phone', 32, true),
          c.text('materials'),
          c.text('contact_name_enc'),
          c.text('contact_phone_enc'),
          c.text('owner_phone_enc'),
          c.text('return_address_enc'),
          c.int('worder_status'),
          c.varchar('send_ems_number', 64, true),
          c.varchar('back_ems_company', 64, true),
          c.varchar('back_ems_number', 64, true),
          c.datetime('checked_at', true),
          c.varchar('check_error', 255, true),
          c.datetime('created_at'),
          c.datetime('updated_at'),
        ],
        indices: [
          { name: 'idx_inspection_orders_user', columnNames: ['user_id', 'id'] },
          { name: 'idx_inspection_orders_checked', columnNames: ['checked_at'] },
          { name: 'idx_inspection_orders_car', columnNames: ['user_id', 'garage_car_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('inspection_orders');
    await queryRunner.dropTable('inspection_vehicles');
    await queryRunner.dropTable('inspection_accounts');
  }
}
