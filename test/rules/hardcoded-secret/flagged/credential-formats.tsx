import { S3Client } from '@aws-sdk/client-s3';
import Stripe from 'stripe';
import OpenAI from 'openai';

export const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: {
    accessKeyId: 'AKIAZ7QW3ERT5YUI8OPL', // expect: hardcoded-secret:18
    secretAccessKey: 'q8Xv2Lm9Rt4Yp7Wz1Nc6Bd3Fg5Hj0Ks8Ae2Ui4Oo', // expect: hardcoded-secret:22
  },
});

export const stripe = new Stripe('sk_live_51HqLyjWDarjtT1zdp7dcXk29FjqLmN0pQ', { apiVersion: '2024-06-20' }); // expect: hardcoded-secret:34
export const sandbox = new Stripe('sk_test_51HqLyjWDarjtT1zdp7dcXk29FjqLmN0pQ'); // expect: hardcoded-secret:35

export async function listRepos() {
  const res = await fetch('https://api.github.com/user/repos', {
    headers: { Authorization: 'Bearer ghp_R8f2kLq9Xz3Wm7Vn1Bc5Td0Hy4Js6Pa2Ue8G' }, // expect: hardcoded-secret:31
  });
  return res.json();
}

const SLACK = { token: 'xoxb-2210934576-4412385670914-Zq8RkLm2Xv9Tp4Wn7Yc1Bd3F' }; // expect: hardcoded-secret:24
export const webhook = 'https://hooks.slack.com/services/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'; // expect: hardcoded-secret:24

export const openai = new OpenAI({ apiKey: 'sk-proj-Q8xv2LM9rt4Yp7WZ1nc6BD3fg5HJ0ks8AE2ui4OOq8Xv2Lm9Rt4Y' }); // expect: hardcoded-secret:44

export const signingKey = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n-----END RSA PRIVATE KEY-----'; // expect: hardcoded-secret:27
export const ecKey =
  '-----BEGIN EC PRIVATE KEY-----\n' + // expect: hardcoded-secret:3
  'MHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY/PuoAoGCCqGSM49\n' +
  '-----END EC PRIVATE KEY-----';

export function Checkout() {
  return <StripeProvider apiKey="rk_live_51HqLyjWDarjtT1zdp7dcXk29FjqLmN0pQ" />; // expect: hardcoded-secret:33
}

export { SLACK };
