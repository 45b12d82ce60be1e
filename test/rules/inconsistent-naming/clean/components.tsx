// expect: none
// PascalCase is the convention for components, classes and models; camelCase for hooks and helpers.
import React, { useState } from 'react';
import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL ?? '');
const OrderModel = sequelize.define('Order', { total_cents: DataTypes.INTEGER });

function useOrderTotal(initial: number) {
  const [totalCents, setTotalCents] = useState(initial);
  return { totalCents, add: (cents: number) => setTotalCents(totalCents + cents) };
}

export function OrderSummary({ initialCents }: { initialCents: number }) {
  const { totalCents } = useOrderTotal(initialCents);
  const formattedTotal = (totalCents / 100).toFixed(2);
  return <p className="order-summary">Total: {formattedTotal}</p>;
}

export const OrderRow = ({ id }: { id: string }) => <li key={id}>{id}</li>;

export class OrderRepository {
  findOrder(id: string) {
    return OrderModel.findByPk(id);
  }
}
