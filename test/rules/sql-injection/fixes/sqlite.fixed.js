// fix: Parameterize query
const Database = require('better-sqlite3');
const sqlite3 = require('sqlite3');

const db = new Database('app.db');
const legacy = new sqlite3.Database('legacy.db');

function findByName(name) {
  return db.prepare(`SELECT * FROM people WHERE name = ?`).get(name);
}

function notes(author, cb) {
  legacy.all("SELECT * FROM notes WHERE author = ?", [author], cb);
}

module.exports = { findByName, notes };
