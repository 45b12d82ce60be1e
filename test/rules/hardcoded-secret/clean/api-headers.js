// expect: none
const axios = require('axios');

async function forecast(city) {
  const res = await fetch(`https://api.weather.example/v1/forecast?city=${encodeURIComponent(city)}`, {
    headers: { 'X-API-Key': process.env.WEATHER_API_KEY, Accept: 'application/json' },
  });
  return res.json();
}

function client(token) {
  return axios.create({ baseURL: 'https://crm.example.com/api', headers: { Authorization: `Bearer ${token}` } });
}

const corsHeaders = { 'Access-Control-Allow-Headers': 'Authorization, X-API-Key', 'x-api-key': undefined };
const docs = { authorization: 'Bearer <token>', description: 'Send the token as Authorization: Bearer <token>' };
const schemeOnly = { Authorization: 'Basic' };

module.exports = { forecast, client, corsHeaders, docs, schemeOnly };
