import { PrismaClient } from '@prisma/client';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Product } from './product.entity';
import { Invoice } from './models';
import { Sequelize } from 'sequelize';

const prisma = new PrismaClient();
export const sequelize = new Sequelize(process.env.DATABASE_URL!);

// A Next.js route handler returning every post.
export async function GET() {
  const posts = await prisma.post.findMany({ orderBy: { createdAt: 'desc' }, include: { author: true } }); // expect: unbounded-query:23
  return Response.json(posts);
}

@Injectable()
export class ProductsService {
  constructor(@InjectRepository(Product) private readonly products: Repository<Product>) {}

  findAll() {
    return this.products.find(); // expect: unbounded-query:12
  }

  findOne(id: number) {
    return this.products.findOneBy({ id });
  }
}

export async function allInvoices() {
  return Invoice.findAll({ order: [['createdAt', 'DESC']] }); // expect: unbounded-query:10
}
