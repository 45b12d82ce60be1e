// A model written as a constructor with functions attached to it afterwards.
const sql = require('./db.js');

const Tutorial = function (tutorial) {
  this.title = tutorial.title;
  this.published = tutorial.published;
};

Tutorial.getAll = (title, result) => {
  let query = 'SELECT * FROM tutorials';
  if (title) query += ` WHERE title LIKE '%${title}%'`; // expect: sql-injection:23
  sql.query(query, (err, res) => result(err, res));
};

Tutorial.findById = (id, result) => {
  sql.query('SELECT * FROM tutorials WHERE id = ?', [id], (err, res) => result(err, res && res[0]));
};

Tutorial.getAllPublished = (result) => {
  sql.query('SELECT * FROM tutorials WHERE published = true', (err, res) => result(err, res));
};

module.exports = Tutorial;
