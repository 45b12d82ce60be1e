// expect: none
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Order } from './order.entity';

const ORDER_TABLE = 'orders';
const COLUMNS = ['id', 'total', 'region'].join(', ');

@Injectable()
export class OrdersService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Order) private readonly orders: Repository<Order>,
  ) {}

  byRegion(region: string) {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM ${ORDER_TABLE} WHERE region = $1`, [region]);
  }

  top(limit: number) {
    return this.orders.query(`SELECT * FROM ${ORDER_TABLE} ORDER BY total DESC LIMIT ${limit}`);
  }

  find(id: string) {
    return this.orders.findOne({ where: { id } });
  }

  search(term: string) {
    return this.orders.createQueryBuilder('o').where('o.note ILIKE :term', { term: `%${term}%` }).getMany();
  }
}
