import { MongoClient } from 'mongodb';
import { Body, Controller, Post } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { NextRequest, NextResponse } from 'next/server';

const client = new MongoClient(process.env.MONGO_URL!);
const orders = client.db('shop').collection('orders');

export async function POST(request: NextRequest) {
  const { customerId } = await request.json();
  const list = await orders.find({ customerId }).toArray(); // expect: nosql-injection:36
  return NextResponse.json(list);
}

export async function DELETE(request: NextRequest) {
  const filter = JSON.parse(request.nextUrl.searchParams.get('filter') ?? '{}');
  await orders.deleteMany(filter); // expect: nosql-injection:27
  return new NextResponse(null, { status: 204 });
}

@Controller('accounts')
export class AccountsController {
  constructor(@InjectModel('Account') private accounts: Model<unknown>) {}

  @Post('lookup')
  lookup(@Body() body: { email: unknown }) {
    return this.accounts.findOne({ email: body.email }); // expect: nosql-injection:43
  }

  @Post('stats')
  stats(@Body('status') status: unknown) {
    return this.accounts.aggregate([{ $match: { status } }, { $group: { _id: '$plan', n: { $sum: 1 } } }]); // expect: nosql-injection:49
  }
}
