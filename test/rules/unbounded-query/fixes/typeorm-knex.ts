// fix: Add a limit
import { Repository } from 'typeorm';
import knexFactory from 'knex';

const knex = knexFactory({ client: 'pg' });

export class ProductsService {
  constructor(private readonly products: Repository<{ id: number }>) {}

  findAll() {
    return this.products.find();
  }
}

export async function auditLog() {
  return knex('audit_log').select('*').orderBy('id');
}
