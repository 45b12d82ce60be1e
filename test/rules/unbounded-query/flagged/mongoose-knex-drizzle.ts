import express from 'express';
import mongoose from 'mongoose';
import knexFactory from 'knex';
import { drizzle } from 'drizzle-orm/node-postgres';
import { comments } from './schema';

const knex = knexFactory({ client: 'pg' });
const db = drizzle(process.env.DATABASE_URL!);
const Message = mongoose.model('Message', new mongoose.Schema({ body: String }));
const app = express();

app.get('/messages', async (req, res) => {
  res.json(await Message.find().sort({ createdAt: -1 }).lean()); // expect: unbounded-query:18
});

app.get('/audit', async (req, res) => {
  res.json(await knex('audit_log').select('*').orderBy('id')); // expect: unbounded-query:18
});

export async function allComments() {
  return db.select().from(comments); // expect: unbounded-query:10
}
