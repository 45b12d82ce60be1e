const mongoose = require('mongoose');
const mysql = require('mysql2/promise');
const Account = require('./models/account');
const Transfer = require('./models/transfer');

const pool = mysql.createPool(process.env.DATABASE_URL);

async function transfer(from, to, amount) {
  await Account.updateOne({ _id: from }, { $inc: { balance: -amount } }); // expect: missing-transaction:9
  await Account.updateOne({ _id: to }, { $inc: { balance: amount } });
  await Transfer.create({ from, to, amount });
}

async function enroll(studentId, courseId) {
  await pool.execute('INSERT INTO enrollments (student_id, course_id) VALUES (?, ?)', [studentId, courseId]); // expect: missing-transaction:9
  await pool.execute('UPDATE courses SET seats_left = seats_left - 1 WHERE id = ?', [courseId]);
}

module.exports = { transfer, enroll, mongoose };
