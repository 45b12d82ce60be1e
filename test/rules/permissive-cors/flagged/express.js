const express = require('express');
const cors = require('cors');

const app = express();

app.use(cors({ origin: true, credentials: true })); // expect: permissive-cors:16

const api = express.Router();
api.use(cors({
  origin: (origin, callback) => callback(null, true), // expect: permissive-cors:3
  credentials: true,
}));

const corsOptions = { origin: /.*/, credentials: true }; // expect: permissive-cors:23
app.use('/v2', cors(corsOptions));

app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin); // expect: permissive-cors:48
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});

app.use('/legacy', (req, res, next) => {
  const origin = req.get('origin');
  res.set({
    'Access-Control-Allow-Origin': origin || '*', // expect: permissive-cors:36
    'Access-Control-Allow-Credentials': true,
  });
  next();
});

app.use('/api', api);
