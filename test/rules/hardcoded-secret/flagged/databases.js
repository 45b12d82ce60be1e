const { Pool, Client } = require('pg');
const mysql = require('mysql2/promise');
const mongoose = require('mongoose');
const { Sequelize } = require('sequelize');
const knex = require('knex');
const { PrismaClient } = require('@prisma/client');
const { createClient } = require('redis');
const nodemailer = require('nodemailer');

const pool = new Pool({ connectionString: 'postgres://app:s3cr3t-pw@db.internal:5432/app' }); // expect: hardcoded-secret:43

const client = new Client({
  user: 'app',
  password: 'hunter2', // expect: hardcoded-secret:13
});

async function mysqlConnection() {
  return mysql.createConnection({ host: 'localhost', user: 'root', password: 'root', database: 'shop' }); // expect: hardcoded-secret:78
}

mongoose.connect('mongodb+srv://admin:Xk29fjq@cluster0.abcde.mongodb.net/shop?retryWrites=true'); // expect: hardcoded-secret:18

const sequelize = new Sequelize('shop', 'shop_user', 'shop-pass-1', { host: 'localhost', dialect: 'postgres' }); // expect: hardcoded-secret:54
const analytics = new Sequelize('mysql://report:password@analytics.internal:3306/events'); // expect: hardcoded-secret:33

const db = knex({
  client: 'pg',
  connection: {
    host: '10.0.0.5',
    user: 'knex',
    password: 'knex-password', // expect: hardcoded-secret:15
    database: 'app',
  },
});

const prisma = new PrismaClient({
  datasources: { db: { url: 'postgresql://prisma:prisma123@localhost:5432/app' } }, // expect: hardcoded-secret:29
});

const redis = createClient({ url: 'redis://:r3dis-pass@cache.internal:6379' }); // expect: hardcoded-secret:35

const mailer = nodemailer.createTransport({
  host: 'smtp.example.com',
  port: 587,
  auth: { user: 'noreply@example.com', pass: 'smtp-password' }, // expect: hardcoded-secret:46
});

const DB_URL = process.env.DATABASE_URL || 'postgres://postgres:postgres@localhost:5432/dev'; // expect: hardcoded-secret:44
const fallbackPool = new Pool({ connectionString: DB_URL });

module.exports = { pool, client, mysqlConnection, sequelize, analytics, db, prisma, redis, mailer, fallbackPool };
