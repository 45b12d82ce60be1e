// expect: none
import { Pool } from 'pg';
import mysql from 'mysql2/promise';
import mongoose from 'mongoose';
import { Sequelize } from 'sequelize';
import { DataSource } from 'typeorm';
import knex from 'knex';

export const pool = new Pool({ connectionString: process.env.DATABASE_URL });
export const local = new Pool({ host: 'localhost', user: 'postgres', database: 'app', password: process.env.PGPASSWORD });
export const trust = new Pool({ host: 'localhost', user: 'postgres', password: '' });
export const noPassword = new Pool({ connectionString: 'postgres://localhost:5432/app' });
export const socket = mysql.createPool({ socketPath: '/var/run/mysqld/mysqld.sock', user: 'app', password: undefined });

mongoose.connect(process.env.MONGODB_URI ?? 'mongodb://localhost:27017/dev');

export const sequelize = new Sequelize(process.env.DB_NAME!, process.env.DB_USER!, process.env.DB_PASSWORD, { dialect: 'postgres' });
export const sqlite = new Sequelize('sqlite::memory:');
export const byName = new Sequelize('shop', 'shop_user', undefined, { host: 'localhost', dialect: 'mysql' });

export const dataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  password: process.env.DB_PASSWORD || '',
  database: 'app',
});

export const db = knex({ client: 'pg', connection: process.env.DATABASE_URL, pool: { min: 0, max: 7 } });
export const lite = knex({ client: 'sqlite3', connection: { filename: './data.db' }, useNullAsDefault: true });
