const axios = require('axios');

const WEATHER_API_KEY = 'c0ffee5a1e7b4d2f9a8e6b3c1d0f2a4b'; // expect: hardcoded-secret:25

async function forecast(city) {
  const res = await fetch(`https://api.weather.example/v1/forecast?city=${encodeURIComponent(city)}`, {
    headers: { 'X-API-Key': WEATHER_API_KEY, Accept: 'application/json' },
  });
  return res.json();
}

const crm = axios.create({
  baseURL: 'https://crm.example.com/api',
  headers: { Authorization: 'Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0' }, // expect: hardcoded-secret:29
});

const ghHeaders = new Headers({ authorization: 'token ghp_R8f2kLq9Xz3Wm7Vn1Bc5Td0Hy4Js6Pa2Ue8G' }); // expect: hardcoded-secret:48

module.exports = { forecast, crm, ghHeaders };
