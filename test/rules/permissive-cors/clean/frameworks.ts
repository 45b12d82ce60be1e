// expect: none
import Fastify from 'fastify';
import fastifyCors from '@fastify/cors';
import Koa from 'koa';
import koaCors from '@koa/cors';
import { Hono } from 'hono';
import { cors } from 'hono/cors';

const allowed = new Set(['https://app.example.com']);

const fastify = Fastify();
fastify.register(fastifyCors, { origin: ['https://app.example.com'], credentials: true });

const koa = new Koa();
koa.use(koaCors({ origin: (ctx) => (allowed.has(ctx.get('Origin')) ? ctx.get('Origin') : ''), credentials: true }));
koa.use(koaCors({ origin: (ctx) => ctx.get('Origin') }));

const hono = new Hono();
hono.use('/api/*', cors({ origin: (origin) => (allowed.has(origin) ? origin : null), credentials: true }));
hono.use('/public/*', cors({ origin: (origin) => origin }));
