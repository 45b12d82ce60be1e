import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { DataSource, EntityManager, getManager } from 'typeorm';

@Injectable()
export class ReportsService {
  constructor(private readonly dataSource: DataSource, private readonly manager: EntityManager) {}

  revenue(region: string) {
    return this.dataSource.query(`SELECT sum(total) FROM orders WHERE region = '${region}'`); // expect: sql-injection:34
  }

  async archive(before: string) {
    const runner = this.dataSource.createQueryRunner();
    await runner.query(`DELETE FROM orders WHERE created_at < '${before}'`); // expect: sql-injection:24
    return this.manager.query('SELECT * FROM orders WHERE note = \'' + before + '\''); // expect: sql-injection:31
  }
}

@Controller('reports')
export class ReportsController {
  @Get()
  find(@Query('customer') customer: string) {
    return getManager().query(`SELECT * FROM orders WHERE customer = '${customer}'`); // expect: sql-injection:31
  }
}
