// expect: none
const express = require('express');
const axios = require('axios');

const app = express();
const api = axios.create({ baseURL: process.env.API_URL });

app.get('/login', (req, res) => res.render('login'));
app.get('/api/tokens', requireAdmin, async (req, res) => res.json(await listTokens()));
app.post('/logout', (req, res) => req.session.destroy(() => res.redirect('/login')));
app.post('/auth/logout', (req, res) => res.clearCookie('sid').end());
app.post('/blog/login-tips', async (req, res) => res.json(await savePost(req.body)));
app.post('/events/:id/register', async (req, res) => res.json(await rsvp(req.params.id, req.user)));
app.post('/devices/push/token', async (req, res) => res.json(await savePushToken(req.user, req.body.token)));
app.post('/feeds/:id/refresh', async (req, res) => res.json(await refreshFeed(req.params.id)));
app.post('/checkout/discount/code', async (req, res) => res.json(await applyCode(req.body.code)));
app.get('/auth/google/callback', async (req, res) => res.redirect('/'));

async function signIn(email, password) {
  const { data } = await api.post('/login', { email, password });
  await axios.post('/register', { email, password });
  return data;
}

module.exports = { app, signIn };
