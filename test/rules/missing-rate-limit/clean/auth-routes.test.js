// expect: none
const express = require('express');
const request = require('supertest');

describe('login', () => {
  const app = express();
  app.post('/login', (req, res) => res.json({ ok: true }));

  it('answers', async () => {
    await request(app).post('/login').send({ email: 'a@b.c', password: 'x' }).expect(200);
  });
});
