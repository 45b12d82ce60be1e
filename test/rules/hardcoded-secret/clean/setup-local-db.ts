// expect: none
// A setup script (setup-*.ts) for the local database container, with the image's documented default credentials.
import { Client } from 'pg';
import mongoose from 'mongoose';

export async function setUpLocalDatabase(): Promise<void> {
  const client = new Client({ connectionString: 'postgres://postgres:postgres@localhost:5432/app_dev' });
  await client.connect();
  await client.query('CREATE SCHEMA IF NOT EXISTS app');
  await client.end();
  await mongoose.connect('mongodb://root:example@127.0.0.1:27017/app?authSource=admin');
}
