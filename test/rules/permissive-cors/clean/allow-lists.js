// expect: none
const express = require('express');
const cors = require('cors');

const app = express();
const allowed = (process.env.CORS_ORIGINS || '').split(',');

app.use(cors());
app.use('/public', cors({ origin: true }));
app.use('/app', cors({ origin: ['https://app.example.com', 'https://admin.example.com'], credentials: true }));
app.use('/star', cors({ origin: '*', credentials: true }));
app.use('/cb', cors({
  origin: (origin, callback) => {
    if (!origin || allowed.includes(origin)) return callback(null, true);
    callback(new Error('Not allowed by CORS'));
  },
  credentials: true,
}));

if (process.env.NODE_ENV !== 'production') {
  app.use('/dev', cors({ origin: true, credentials: true }));
}

app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (allowed.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});

app.use('/open', (req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin || '*');
  next();
});
