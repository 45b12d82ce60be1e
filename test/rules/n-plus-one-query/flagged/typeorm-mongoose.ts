import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './user.entity';
import { Order } from './order.entity';

@Injectable()
export class OrdersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Order) private readonly orders: Repository<Order>,
  ) {}

  async withBuyers() {
    const orders = await this.orders.find({ where: { open: true } });
    const result = [];
    for (const order of orders) {
      const buyer = await this.users.findOneBy({ id: order.buyerId }); // expect: n-plus-one-query:27
      result.push({ ...order, buyer });
    }
    return result;
  }

  async buyerOf(order: Order) {
    return this.users.findOne({ where: { id: order.buyerId } });
  }

  async buyersOf(orders: Order[]) {
    const out = [];
    for (const order of orders) out.push(await this.buyerOf(order)); // expect: n-plus-one-query:48
    return out;
  }
}
