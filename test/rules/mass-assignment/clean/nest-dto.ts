// expect: none
import { Body, Controller, Post } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Customer } from './customer.entity';
import { CreateCustomerDto } from './create-customer.dto';

@Controller('customers')
export class CustomersController {
  constructor(@InjectRepository(Customer) private readonly customers: Repository<Customer>) {}

  @Post()
  create(@Body() dto: CreateCustomerDto) {
    return this.customers.save(this.customers.create(dto));
  }

  @Post('search')
  search(@Body() body: { q: string }) {
    return this.customers.findOne({ where: { name: body.q } });
  }
}
