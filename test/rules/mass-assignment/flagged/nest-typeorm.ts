import { Body, Controller, Param, Post, Put } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Customer } from './customer.entity';

@Controller('customers')
export class CustomersController {
  constructor(@InjectRepository(Customer) private readonly customers: Repository<Customer>) {}

  @Post()
  create(@Body() body: any) {
    const customer = this.customers.create(body); // expect: mass-assignment:44
    return this.customers.save(customer);
  }

  @Put(':id')
  async update(@Param('id') id: string, @Body() body: Record<string, unknown>) {
    await this.customers.update(id, body); // expect: mass-assignment:37
  }
}
