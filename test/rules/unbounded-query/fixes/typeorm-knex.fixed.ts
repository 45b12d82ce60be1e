// fix: Add a limit
import { Repository } from 'typeorm';
import knexFactory from 'knex';

const knex = knexFactory({ client: 'pg' });

export class ProductsService {
  constructor(private readonly products: Repository<{ id: number }>) {}

  findAll(pageSize = 100) {
    return this.products.find({ take: pageSize });
  }
}

export async function auditLog(pageSize = 100) {
  return knex('audit_log').select('*').orderBy('id').limit(pageSize);
}
