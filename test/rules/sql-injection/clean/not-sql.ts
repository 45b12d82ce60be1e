// expect: none
import querystring from 'node:querystring';
import { GraphQLClient, gql } from 'graphql-request';
import type { Request, Response } from 'express';

const client = new GraphQLClient('https://api.example.com/graphql');
const cache = new Map<string, string>();

export async function handler(req: Request, res: Response) {
  const id = req.query.id as string;
  console.log(`SELECT * FROM users WHERE id = '${id}'`);
  const logLine = `running SELECT * FROM users WHERE id = ${id}`;
  const params = new URLSearchParams(`q=${id}`);
  const parsed = querystring.parse(`id=${id}&from=${req.query.from}`);
  const cached = cache.get(`user:${id}`);
  const data = await client.request(gql`query User($id: ID!) { user(id: $id) { name } }`, { id });
  const apollo = await apolloClient.query({ query: USER_QUERY, variables: { id } });
  const node = $(`#user-${id}`).get(0);
  const el = document.querySelector(`[data-id="${id}"]`);
  res.json({ logLine, params: params.get('q'), parsed, cached, data, apollo, node, el });
}

export function run(task: { run(arg: string): string }, id: string) {
  return task.run(`process ${id} now`);
}

declare const apolloClient: { query(o: object): Promise<unknown> };
declare const USER_QUERY: unknown;
declare function $(selector: string): { get(i: number): unknown };
