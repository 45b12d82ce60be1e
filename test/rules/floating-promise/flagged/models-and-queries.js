const { Sequelize, DataTypes } = require('sequelize');
const mongoose = require('mongoose');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });
const { Pool } = require('pg');
const fs = require('fs');
const util = require('util');

const sequelize = new Sequelize(process.env.DATABASE_URL);
const Session = sequelize.define('Session', { token: DataTypes.STRING, lastSeen: DataTypes.DATE });
const Event = mongoose.model('Event', new mongoose.Schema({ type: String, at: Date }));
const pool = new Pool();
const readFileAsync = util.promisify(fs.readFile);

async function touchSession(token) {
  Session.update({ lastSeen: new Date() }, { where: { token } }); // expect: floating-promise:3
  Event.updateOne({ type: 'touch' }, { at: new Date() }); // expect: floating-promise:3
}

async function archiveOrders(before) {
  knex('orders').where('created_at', '<', before).update({ archived: true }); // expect: floating-promise:3
  const event = new Event({ type: 'archive', at: new Date() });
  event.save(); // expect: floating-promise:3
}

function startHeartbeat() {
  setInterval(() => {
    pool.query('UPDATE workers SET heartbeat = now() WHERE id = $1', [process.pid]); // expect: floating-promise:5
  }, 5000);
}

async function loadTemplates(dir) {
  readFileAsync(`${dir}/welcome.html`, 'utf8'); // expect: floating-promise:3
  fs.promises.mkdir(`${dir}/cache`, { recursive: true }); // expect: floating-promise:3
}

module.exports = { touchSession, archiveOrders, startHeartbeat, loadTemplates };
