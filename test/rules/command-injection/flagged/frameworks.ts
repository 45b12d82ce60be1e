import { exec } from 'child_process';
import { promisify } from 'util';
import { Body, Controller, Post } from '@nestjs/common';
import { NextRequest, NextResponse } from 'next/server';
import { WebSocketServer } from 'ws';

const execAsync = promisify(exec);

@Controller('deploy')
export class DeployController {
  @Post()
  async deploy(@Body('tag') tag: string) {
    return execAsync(`./deploy.sh ${tag}`); // expect: command-injection:22
  }
}

export async function POST(request: NextRequest) {
  const { host } = await request.json();
  const { stdout } = await execAsync(`traceroute ${host}`); // expect: command-injection:38
  return NextResponse.json({ stdout });
}

const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    exec(data.toString(), (err, out) => ws.send(out)); // expect: command-injection:10
  });
});
