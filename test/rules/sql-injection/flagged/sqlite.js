const Database = require('better-sqlite3');
const sqlite3 = require('sqlite3');

const db = new Database('app.db');
const legacy = new sqlite3.Database('legacy.db');

function findByName(name) {
  return db.prepare(`SELECT * FROM people WHERE name = '${name}'`).get(); // expect: sql-injection:21
}

function removeAll(table, owner) {
  db.exec(`DELETE FROM ${table} WHERE owner = '${owner}'`); // expect: sql-injection:11
}

function handler(req, res) {
  legacy.all(`SELECT * FROM notes WHERE author = '${req.query.author}'`, (err, rows) => res.json(rows)); // expect: sql-injection:14
}

module.exports = { findByName, removeAll, handler };
