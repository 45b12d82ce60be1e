// fix: Use crypto.randomBytes
import crypto from 'node:crypto';

export const apiKey = () => crypto.randomBytes(8).toString('hex');
