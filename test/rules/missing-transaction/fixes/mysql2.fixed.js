// fix: Wrap in transaction
const mysql = require('mysql2/promise');

const pool = mysql.createPool(process.env.DATABASE_URL);

async function enroll(studentId, courseId) {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    await conn.execute('INSERT INTO enrollments (student_id, course_id) VALUES (?, ?)', [studentId, courseId]);
    await conn.execute('UPDATE courses SET seats_left = seats_left - 1 WHERE id = ?', [courseId]);
    await conn.commit();
  } catch (e) {
    await conn.rollback();
    throw e;
  } finally {
    conn.release();
  }
}

module.exports = { enroll };
