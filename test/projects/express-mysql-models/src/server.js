// expect: none
// The routes are registered by functions that receive the app, after the limiter is mounted on it.
const express = require('express');
const rateLimit = require('express-rate-limit');

const app = express();
app.use(express.json());
app.use(rateLimit({ windowMs: 15 * 60 * 1000, limit: 100 }));
require('./app/routes/auth.routes')(app);
require('./app/routes/tutorial.routes')(app);

app.listen(process.env.PORT || 8080);
