// expect: none
const Database = require('better-sqlite3');
const sqlite3 = require('sqlite3');

const db = new Database('app.db');
const legacy = new sqlite3.Database('legacy.db');
const TABLES = { people: 'people', notes: 'notes' };

function findByName(name) {
  return db.prepare('SELECT * FROM people WHERE name = ?').get(name);
}

function migrate() {
  db.exec(`CREATE TABLE IF NOT EXISTS ${TABLES.people} (id INTEGER PRIMARY KEY, name TEXT)`);
}

function notesBy(author, cb) {
  legacy.all('SELECT * FROM notes WHERE author = ?', [author], cb);
}

function countIn(table) {
  // A table name chosen by our own code goes where names go: not a value position.
  return db.prepare(`SELECT count(*) AS n FROM ${table}`).get().n;
}

module.exports = { findByName, migrate, notesBy, countIn };
