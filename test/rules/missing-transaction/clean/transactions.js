// expect: none
const { Pool } = require('pg');
const { Sequelize } = require('sequelize');
const knex = require('knex')({ client: 'pg' });
const mysql = require('mysql2/promise');
const { Order, OrderItem } = require('./models');

const pool = new Pool();
const sequelize = new Sequelize(process.env.DATABASE_URL);
const mysqlPool = mysql.createPool(process.env.MYSQL_URL);

async function transfer(fromId, toId, amount) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [amount, fromId]);
    await client.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [amount, toId]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}

async function createOrderManaged(userId, items) {
  return sequelize.transaction(async (t) => {
    const order = await Order.create({ userId }, { transaction: t });
    await OrderItem.bulkCreate(items.map((i) => ({ ...i, orderId: order.id })), { transaction: t });
    return order;
  });
}

async function createOrderUnmanaged(userId, items) {
  const t = await sequelize.transaction();
  try {
    const order = await Order.create({ userId }, { transaction: t });
    await OrderItem.bulkCreate(items.map((i) => ({ ...i, orderId: order.id })), { transaction: t });
    await t.commit();
    return order;
  } catch (e) {
    await t.rollback();
    throw e;
  }
}

async function moveSeat(bookingId, fromSeat, toSeat) {
  await knex.transaction(async (trx) => {
    await trx('seats').where({ id: fromSeat }).update({ booking_id: null });
    await trx('seats').where({ id: toSeat }).update({ booking_id: bookingId });
  });
}

async function enroll(studentId, courseId) {
  const conn = await mysqlPool.getConnection();
  await conn.beginTransaction();
  try {
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

module.exports = { transfer, createOrderManaged, createOrderUnmanaged, moveSeat, enroll };
