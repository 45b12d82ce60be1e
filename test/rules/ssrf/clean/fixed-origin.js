// expect: none
const express = require('express');
const axios = require('axios');

const app = express();
const API = process.env.BILLING_API;

app.get('/users/:id/repos', async (req, res) => {
  const r = await axios.get(`https://api.github.com/users/${encodeURIComponent(req.params.id)}/repos`);
  res.json(r.data);
});

app.get('/invoices/:id', async (req, res) => {
  const r = await fetch(`${API}/invoices/${req.params.id}`);
  res.json(await r.json());
});

app.get('/search', async (req, res) => {
  const r = await fetch('https://search.example.com/q?term=' + encodeURIComponent(req.query.q));
  res.json(await r.json());
});

app.get('/local', async (req, res) => {
  const r = await fetch(`/api/items?page=${req.query.page}`);
  res.json(await r.json());
});

app.get('/weather', async (req, res) => {
  const url = new URL('https://api.weather.example/v1/forecast');
  url.searchParams.set('city', req.query.city);
  const r = await fetch(url);
  res.json(await r.json());
});

module.exports = app;

app.get('/github/:username', async (req, res) => {
  const uri = encodeURI(`https://api.github.com/users/${req.params.username}/repos?per_page=5`);
  const r = await axios.get(uri, { headers: { 'user-agent': 'node.js' } });
  res.json(r.data);
});
