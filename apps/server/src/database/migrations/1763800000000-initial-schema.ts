import { Table, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

/** Column helpers that give MySQL and SQLite the same schema from one description. */
export function columnKit(queryRunner: QueryRunner) {
  const mysql = queryRunner.connection.options.type === 'mysql';
  return {
    id: (): TableColumnOptions => ({
      name: 'id',
      type: mysql ? 'int' : 'integer',
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment',
    }),
    int: (name: string, nullable = false, defaultValue?: number): TableColumnOptions => ({
      name,
      type: 'int',
      isNullable: nullable,
      default: defaultValue,
    }),
    bigint: (name: string): TableColumnOptions => ({ name, type: 'bigint' }),
    varchar: (name: string, length: number, nullable = false, defaultValue?: string): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: nullable,
      default: defaultValue === undefined ? undefined : `'${defaultValue}'`,
    }),
    text: (name: string, nullable = false): TableColumnOptions => ({
      name,
      type: mysql ? 'mediumtext' : 'text',
      isNullable: nullable,
    }),
    bool: (name: string): TableColumnOptions => ({ name, type: 'boolean', default: mysql ? 0 : 0 }),
    datetime: (name: string, nullable = false): TableColumnOptions => ({
      name,
      type: 'datetime',
      precision: mysql ? 3 : undefined,
      isNullable: nullable,
    }),
  };
}

export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnKit(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          c.id(),
          { ...c.varchar('openid', 64), isUnique: true },
          c.varchar('unionid', 64, true),
          c.varchar('nickname', 64, false, ''),
          c.text('phone_enc', true),
          c.varchar('phone_index', 64, true),
          c.varchar('phone_last4', 4, true),
          c.datetime('created_at'),
          c.datetime('updated_at'),
        ],
        indices: [
          { name: 'idx_users_phone_index', columnNames: ['phone_index'] },
          { name: 'idx_users_phone_last4', columnNames: ['phone_last4'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'merchants',
        columns: [
          c.id(),
          { ...c.varchar('username', 64), isUnique: true },
          c.varchar('password_hash', 255),
          c.varchar('role', 16, false, 'owner'),
          c.bool('disabled'),
          c.datetime('created_at'),
          c.datetime('updated_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'orders',
        columns: [
          c.id(),
          { ...c.varchar('order_no', 32), isUnique: true },
          c.varchar('kind', 32),
          c.varchar('status', 32),
          c.varchar('vendor_status', 64, true),
          c.varchar('vendor_ref', 64, true),
          c.int('progress', false, 0),
          c.int('amount_fen', false, 0),
          c.varchar('title', 128, false, ''),
          c.int('user_id'),
          c.datetime('created_at'),
          c.datetime('updated_at'),
          c.datetime('status_changed_at'),
        ],
        indices: [
          { name: 'idx_orders_user', columnNames: ['user_id', 'id'] },
          { name: 'idx_orders_kind_status', columnNames: ['kind', 'status', 'id'] },
          { name: 'idx_orders_status', columnNames: ['status', 'id'] },
          { name: 'idx_orders_created', columnNames: ['created_at', 'id'] },
          { name: 'idx_orders_vendor_ref', columnNames: ['vendor_ref'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'order_events',
        columns: [
          c.id(),
          c.int('order_id'),
          c.varchar('actor', 16),
          c.varchar('type', 32),
          c.varchar('from_status', 32, true),
          c.varchar('to_status', 32, true),
          c.varchar('vendor_status', 64, true),
          c.varchar('message', 255, false, ''),
          c.text('payload', true),
          c.int('vendor_event_id', true),
          c.datetime('created_at'),
        ],
        indices: [{ name: 'idx_order_events_order', columnNames: ['order_id', 'id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'vendor_events',
        columns: [
          c.id(),
          c.varchar('vendor', 32),
          c.varchar('topic', 32),
          { ...c.varchar('dedupe_key', 191, true), isUnique: true },
          c.varchar('status', 16),
          c.varchar('outcome', 32, true),
          c.text('reason', true),
          c.int('order_id', true),
          c.text('raw_enc'),
          c.text('payload_masked'),
          c.int('repeat_count', false, 0),
          c.int('attempts', false, 1),
          c.datetime('received_at'),
          c.datetime('updated_at'),
        ],
        indices: [
          { name: 'idx_vendor_events_status', columnNames: ['status', 'id'] },
          { name: 'idx_vendor_events_order', columnNames: ['order_id', 'id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'stored_files',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          c.int('owner_user_id', true),
          c.int('order_id', true),
          c.varchar('purpose', 32),
          c.varchar('content_type', 64),
          c.int('size_bytes'),
          c.varchar('path', 255),
          c.datetime('delete_after', true),
          c.datetime('created_at'),
        ],
        indices: [
          { name: 'idx_stored_files_delete_after', columnNames: ['delete_after'] },
          { name: 'idx_stored_files_order', columnNames: ['order_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'leases',
        columns: [
          { name: 'name', type: 'varchar', length: '191', isPrimary: true },
          c.varchar('holder', 64),
          c.bigint('expires_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['leases', 'stored_files', 'vendor_events', 'order_events', 'orders', 'merchants', 'users']) {
      await queryRunner.dropTable(table);
    }
  }
}
