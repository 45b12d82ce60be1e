// fix: Allow only the origins listed in CORS_ORIGINS
const express = require('express');
const cors = require('cors');

const app = express();

app.use(cors({ origin: process.env.CORS_ORIGINS?.split(',') ?? [], credentials: true }));
