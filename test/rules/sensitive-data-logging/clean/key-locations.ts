// expect: none
// Where a key is kept is not the key: the file name or folder of a secret can go to the log.
import fs from 'node:fs';
import path from 'node:path';
import log4js from 'log4js';

const logger = log4js.getLogger('API');
const apikeyFilename = path.resolve(process.argv[2] ?? './APIKEY.txt');
const secretsDir = path.resolve('./secrets');

export function readApiKey(): string {
  const apikey = fs.readFileSync(apikeyFilename, 'utf8');
  logger.info(`Api key file read from: "${apikeyFilename}"`);
  logger.info('secrets are kept in', secretsDir);
  return apikey;
}
