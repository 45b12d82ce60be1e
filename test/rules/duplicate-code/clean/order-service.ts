// expect: none
// A clean, well-written service: shallow control flow, one naming style, no pasted blocks.
import { Injectable, NotFoundException, ConflictException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, DataSource } from 'typeorm';
import { Order } from './order.entity';
import { OrderItem } from './order-item.entity';

const MAX_ITEMS_PER_ORDER = 50;

export interface CreateOrderInput {
  customerId: string;
  items: { sku: string; quantity: number }[];
}

@Injectable()
export class OrderService {
  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    private readonly dataSource: DataSource,
  ) {}

  async findOne(id: string): Promise<Order> {
    const order = await this.orders.findOne({ where: { id }, relations: { items: true } });
    if (!order) throw new NotFoundException(`order ${id} not found`);
    return order;
  }

  async create(input: CreateOrderInput): Promise<Order> {
    if (input.items.length === 0) throw new ConflictException('an order needs at least one item');
    if (input.items.length > MAX_ITEMS_PER_ORDER) throw new ConflictException(`at most ${MAX_ITEMS_PER_ORDER} items per order`);
    return this.dataSource.transaction(async (manager) => {
      const order = manager.create(Order, { customerId: input.customerId, status: 'pending' });
      await manager.save(order);
      const items = input.items.map((item) => manager.create(OrderItem, { ...item, orderId: order.id }));
      await manager.save(items);
      return { ...order, items };
    });
  }

  async cancel(id: string): Promise<Order> {
    const order = await this.findOne(id);
    if (order.status === 'shipped') throw new ConflictException(`order ${id} has shipped`);
    if (order.status === 'cancelled') return order;
    order.status = 'cancelled';
    return this.orders.save(order);
  }

  async totalCents(id: string): Promise<number> {
    const order = await this.findOne(id);
    let total = 0;
    for (const item of order.items) {
      if (item.quantity <= 0) continue;
      total += item.quantity * item.unitPriceCents;
    }
    return total;
  }
}
