// expect: none
import * as fs from 'node:fs';
import { EventEmitter } from 'node:events';

export function copyConfig(from: string, to: string, done: (err: Error | null) => void): void {
  fs.readFile(from, (err, data) => {
    if (err) return done(err);
    fs.writeFile(to, data, done);
  });
}

export class Watcher extends EventEmitter {
  async start(dir: string): Promise<void> {
    const entries = await fs.promises.readdir(dir);
    entries.forEach((name) => this.emit('file', name));
    this.on('file', (name: string) => {
      fs.stat(name, (err, stat) => {
        if (!err) this.emit('size', stat.size);
      });
    });
    const sizes = await Promise.all(entries.map(async (name) => (await fs.promises.stat(name)).size));
    this.emit('total', sizes.reduce((a, b) => a + b, 0));
  }
}
