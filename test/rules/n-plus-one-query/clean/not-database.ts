// expect: none
import express from 'express';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const app = express();
const cache = new Map<string, string>();

// Array.find with a callback, Map.get, and an HTTP client are not database queries.
export async function enrich(orders: { id: string; sku: string }[], catalog: { sku: string; name: string }[]) {
  const out = [];
  for (const order of orders) {
    const item = catalog.find((c) => c.sku === order.sku);
    const note = cache.get(order.id);
    const res = await fetch(`https://api.example.com/prices/${order.sku}`);
    out.push({ ...order, item, note, price: await res.json() });
  }
  return out;
}

// Routes registered in a loop: each handler runs once per request, not once per path.
for (const resource of ['users', 'teams', 'projects']) {
  app.get(`/${resource}/:id`, async (req, res) => {
    res.json(await prisma.user.findUnique({ where: { id: req.params.id } }));
  });
}

// Set-based Prisma calls inside a loop over groups.
export async function tagPosts(groups: { tag: string; postIds: string[] }[]) {
  for (const group of groups) {
    await prisma.post.findMany({ where: { id: { in: group.postIds } } });
    await prisma.tag.createMany({ data: group.postIds.map((postId) => ({ postId, name: group.tag })) });
  }
}

// The query runs once; the loop only reads its result.
export async function totals() {
  const rows = await prisma.order.findMany({ where: { paid: true } });
  let sum = 0;
  for (const row of rows) sum += row.total;
  return sum;
}
