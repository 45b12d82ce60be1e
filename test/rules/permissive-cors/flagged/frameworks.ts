import Fastify from 'fastify';
import fastifyCors from '@fastify/cors';
import Koa from 'koa';
import koaCors from '@koa/cors';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

const fastify = Fastify();
fastify.register(fastifyCors, { origin: true, credentials: true }); // expect: permissive-cors:33

const koa = new Koa();
koa.use(koaCors({ origin: (ctx) => ctx.get('Origin'), credentials: true })); // expect: permissive-cors:19

const hono = new Hono();
hono.use('/api/*', cors({ origin: (origin) => origin, credentials: true })); // expect: permissive-cors:27

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableCors({ origin: true, credentials: true }); // expect: permissive-cors:20
  await app.listen(3000);
}

bootstrap();
