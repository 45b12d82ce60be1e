import { DataSource } from 'typeorm';

export const AppDataSource = new DataSource({
  type: 'postgres',
  host: 'localhost',
  port: 5432,
  username: 'postgres',
  password: 'postgres', // expect: hardcoded-secret:13
  database: 'app',
  synchronize: false,
});

// A config object the client is made from in another file: its shape says what it is.
export const replicaConfig = {
  host: 'replica.internal',
  user: 'readonly',
  password: 'r3ad0nly!', // expect: hardcoded-secret:13
  database: 'app',
};
