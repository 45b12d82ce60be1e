// expect: none
// Runs of look-alike lines are tables, not copies: registrations, re-exports, enum-like maps.
import express from 'express';
import { auth, orders, users, products, invoices, reports, health, webhooks } from './routes';

const app = express();
app.use('/auth', auth);
app.use('/orders', orders);
app.use('/users', users);
app.use('/products', products);
app.use('/invoices', invoices);
app.use('/reports', reports);
app.use('/health', health);
app.use('/webhooks', webhooks);

export const Status: Record<string, number> = {};
Status.OK = 200;
Status.CREATED = 201;
Status.ACCEPTED = 202;
Status.NO_CONTENT = 204;
Status.BAD_REQUEST = 400;
Status.UNAUTHORIZED = 401;
Status.FORBIDDEN = 403;
Status.NOT_FOUND = 404;

export default app;
