// expect: none
import { jwtDecode } from 'jwt-decode';
import { decodeProtectedHeader, jwtVerify } from 'jose';

export function SessionBadge({ token }: { token: string }) {
  const claims = jwtDecode<{ name: string; exp: number }>(token);
  return <span title={`expires ${new Date(claims.exp * 1000).toLocaleString()}`}>{claims.name}</span>;
}

export async function verifySession(token: string, keys: Record<string, CryptoKey>) {
  const { kid } = decodeProtectedHeader(token);
  const { payload } = await jwtVerify(token, keys[kid!]);
  return payload;
}
