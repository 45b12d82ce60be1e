// expect: none
const Fastify = require('fastify');
const db = require('./plugins/db');
const limits = require('./plugins/limits');

const app = Fastify();
app.register(db, { connection: process.env.DATABASE_URL });
app.register(limits);
app.register(require('./routes/accounts'), { prefix: '/accounts' });
module.exports = app;
