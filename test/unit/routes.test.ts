/** Route facts: which calls, exports and decorators register routes, with what method, path and middleware. */
import * as assert from 'node:assert/strict';
import { buildFacts } from '../../server/src/core/facts/facts';
import { parse } from '../../server/src/core/parse';

function routesOf(text: string, fileName = 'app.ts'): string[] {
  const facts = buildFacts(parse(text, fileName), fileName);
  return facts.routes.map((r) => `${r.framework} ${r.method} ${r.path} [${r.middleware.map((m) => m.getText()).join(', ')}]`);
}

function mountsOf(text: string, fileName = 'app.ts'): string[] {
  const facts = buildFacts(parse(text, fileName), fileName);
  return facts.mounts.map((m) => `${m.receiverName} ${m.path ?? '-'} [${m.args.map((a) => a.getText()).join(', ')}]`);
}

describe('route facts', () => {
  describe('Express', () => {
    it('finds app routes with their middleware', () => {
      const text = `const express = require('express');
const app = express();
app.post('/login', limiter, validate, (req, res) => res.end());
app.get('/health', (req, res) => res.end());`;
      assert.deepEqual(routesOf(text, 'app.js'), ['express POST /login [limiter, validate]', 'express GET /health []']);
    });

    it('finds routes on express.Router() and on Router() from a named import', () => {
      const text = `import express, { Router } from 'express';
import { login } from './auth';
const a = express.Router();
const b = Router();
a.post('/login', login);
b.put('/password', login);`;
      assert.deepEqual(routesOf(text), ['express POST /login []', 'express PUT /password []']);
    });

    it("reads the path of router.route('/x').get(…).post(…) from the .route() call", () => {
      const text = `import { Router } from 'express';
const router = Router();
router.route('/login').get(show).post(limiter, submit);
function show(req, res) {}
function submit(req, res) {}`;
      assert.deepEqual(routesOf(text), ['express POST /login [limiter]', 'express GET /login []']);
    });

    it('records use() mounts with their path', () => {
      const text = `const app = require('express')();
app.use(limiter);
app.use('/auth', authLimiter, authRouter);`;
      assert.deepEqual(mountsOf(text, 'app.js'), ['app - [limiter]', 'app /auth [authLimiter, authRouter]']);
    });
  });

  describe('Fastify', () => {
    it('finds fastify.post(path, opts, handler) with the options and hooks', () => {
      const text = `import Fastify from 'fastify';
const fastify = Fastify();
fastify.post('/login', { preHandler: [auth], config: { rateLimit: { max: 5 } } }, async (request) => ({}));`;
      assert.deepEqual(routesOf(text), ['fastify POST /login [auth, { rateLimit: { max: 5 } }]']);
    });

    it('finds fastify.route({...}), one route per listed method', () => {
      const text = `import Fastify from 'fastify';
const app = Fastify();
app.route({ method: ['GET', 'POST'], url: '/oauth/token', handler: async () => ({}) });
app.route({ method: 'PUT', url: '/password', onRequest: limiter, handler });`;
      assert.deepEqual(routesOf(text), ['fastify GET /oauth/token []', 'fastify POST /oauth/token []', 'fastify PUT /password [limiter]']);
    });

    it('treats a plugin parameter named fastify as Fastify', () => {
      const text = `module.exports = async function (fastify) {
  fastify.post('/signin', async (request) => ({}));
};`;
      assert.deepEqual(routesOf(text, 'routes.js'), ['fastify POST /signin []']);
    });
  });

  describe('Koa and Hono', () => {
    it('finds @koa/router and koa-router routes', () => {
      const text = `import Router from '@koa/router';
const LegacyRouter = require('koa-router');
const a = new Router({ prefix: '/auth' });
const b = new LegacyRouter();
a.post('/login', async (ctx) => {});
b.post('reset', '/password-reset', async (ctx) => {});`;
      assert.deepEqual(routesOf(text), ['koa POST /login []', 'koa POST /password-reset []']);
    });

    it('finds routes on new Hono() and records app.route() as a mount', () => {
      const text = `import { Hono } from 'hono';
const app = new Hono();
const auth = new Hono();
auth.post('/login', async (c) => c.json({}));
app.route('/auth', auth);`;
      assert.deepEqual(routesOf(text), ['hono POST /login []']);
      assert.deepEqual(mountsOf(text), ['app /auth [auth]']);
    });
  });

  describe('Next.js', () => {
    it('takes the path of an App Router handler from its folder, without route groups', () => {
      const text = `export async function POST(request: Request) { return Response.json({}); }
export const PUT = withRateLimit(async (request: Request) => Response.json({}));
export function helper() {}`;
      assert.deepEqual(routesOf(text, '/repo/src/app/(auth)/api/login/route.ts'), ['next POST /api/login []', 'next PUT /api/login [withRateLimit]']);
    });

    it('reads a.b.route.ts as /a/b', () => {
      assert.deepEqual(routesOf('export async function POST() {}', 'fixtures/auth.login.route.ts'), ['next POST /auth/login []']);
    });

    it('finds the default export of a Pages Router API file', () => {
      assert.deepEqual(routesOf('export default async function handler(req, res) {}', '/repo/pages/api/auth/login.ts'), ['next ALL /api/auth/login []']);
      assert.deepEqual(routesOf('const handler = (req, res) => {};\nexport default handler;', '/repo/src/pages/api/signup/index.js'), ['next ALL /api/signup []']);
    });

    it('gives no path to method exports outside those conventions', () => {
      assert.deepEqual(routesOf('export async function POST() {}', 'lib/handlers.ts'), ['next POST undefined []']);
    });
  });

  describe('NestJS', () => {
    it('joins the controller prefix and the method path, with method and class decorators', () => {
      const text = `import { Controller, Post, Get } from '@nestjs/common';
@Throttle({ default: { limit: 5, ttl: 60000 } })
@Controller('auth')
export class AuthController {
  @Post('login')
  login() {}
  @Get()
  list() {}
}`;
      const routes = routesOf(text);
      assert.equal(routes.length, 2);
      assert.match(routes[0], /^nestjs POST \/auth\/login \[@?.*Post\('login'\).*Throttle/);
      assert.match(routes[1], /^nestjs GET \/auth \[/);
    });
  });

  describe('HTTP clients are not routes', () => {
    for (const [name, text] of [
      ['axios.post', `import axios from 'axios';\naxios.post('/login', data);`],
      ['an axios instance', `import axios from 'axios';\nconst api = axios.create();\napi.post('/login', payload, { headers: {} });`],
      ['an unknown client', `api.post('/login', payload).then((r) => r.data);`],
      ['supertest', `const request = require('supertest');\nrequest(app).post('/login').send({ email }).expect(200);`],
      ['a client in an Express file', `import express from 'express';\nimport axios from 'axios';\naxios.post('/login', { email }, (err) => {});`],
    ] as const) {
      it(name, () => assert.deepEqual(routesOf(text), []));
    }
  });
});
