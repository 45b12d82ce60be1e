import fs from 'fs';
import zlib from 'zlib';

export async function GET(request: Request) {
  const rows = JSON.parse(fs.readFileSync('./data/export.json', 'utf8')); // expect: sync-io-in-handler:27
  const body = zlib.gzipSync(JSON.stringify(rows)); // expect: sync-io-in-handler:16
  return new Response(body, { headers: { 'Content-Encoding': 'gzip' } });
}
