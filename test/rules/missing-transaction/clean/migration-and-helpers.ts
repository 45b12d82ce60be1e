// expect: none
import { MigrationInterface, QueryRunner } from 'typeorm';
import type { Knex } from 'knex';

export class AddOrderTotals1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE orders ADD total integer');
    await queryRunner.query('UPDATE orders SET total = 0');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE orders DROP COLUMN total');
  }
}

// A knex migration: knex runs it in a transaction, and the handle is the caller's.
export async function up(knex: Knex): Promise<void> {
  await knex('plans').insert({ id: 'pro', price_cents: 2000 });
  await knex('plans').where({ id: 'free' }).update({ price_cents: 0 });
}
