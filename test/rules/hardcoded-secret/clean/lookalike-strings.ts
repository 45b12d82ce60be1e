// expect: none
// Strings that look random or key-like but are not credentials by their format.
export const docsAccessKey = 'AKIAIOSFODNN7EXAMPLE';
export const placeholderToken = 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
export const publishable = 'pk_live_51HqLyjWDarjtT1zdp7dcXk29FjqLmN0pQ';
export const firebase = { apiKey: 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY', projectId: 'demo-app' };
export const sha256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
export const uuid = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
export const integrity = 'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC';
export const publicKey = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEVs/o5+uQbTjL3chynL4wXgUg2R9\n-----END PUBLIC KEY-----';

export function isPrivateKey(pem: string): boolean {
  return pem.startsWith('-----BEGIN PRIVATE KEY-----') || pem.includes('-----BEGIN RSA PRIVATE KEY-----');
}

export const exampleUrl = 'postgres://user:password@localhost:5432/mydb';
export const templateUrl = 'mongodb+srv://<username>:<password>@cluster0.mongodb.net/';
export const urlWithoutPassword = 'redis://cache.internal:6379/0';

// Names of secrets, not secrets: env names, config keys, storage keys, secret-manager paths.
export const JWT_SECRET_ENV = 'JWT_SECRET';
export const jwtSecret = 'auth.jwtSecret';
export const TOKEN_KEY = 'auth_token';
export const ACCESS_TOKEN = 'accessToken';
export const dbSecret = 'prod/api/database';
export const clientSecret = process.env.GOOGLE_CLIENT_SECRET;

export const expiresIn = process.env.JWT_EXPIRES_IN || '1h';
export const stripePublic = process.env.STRIPE_PUBLISHABLE_KEY || 'pk_test_TYooMQauvdEDq54NiTphI7jx';
export const dbPassword = process.env.DB_PASSWORD ?? '';
export const port = process.env.PORT || '3000';
export const tokenHeader = process.env.TOKEN_HEADER || 'x-auth-token';

// Protocol parameter names and error codes that happen to be bound to secret-sounding names.
export const CLIENT_SECRET = 'client_secret';
export const invalidSecret = 'invalid_secret';
export const DeriveAsymmetricEarSecret = 'deriveAsymmetricEarSecret';
