import * as fs from 'node:fs';
import { Injectable } from '@nestjs/common';

type Done = (err: Error | null, path?: string) => void;

@Injectable()
export class StorageService {
  async save(name: string, data: Buffer, callback: Done): Promise<string> { // expect: mixed-async-style:42
    const path = await this.pathFor(name);
    fs.writeFile(path, data, (err) => { // expect: mixed-async-style:5
      if (err) return callback(err);
      callback(null, path);
    });
    return path;
  }

  async list(dir: string): Promise<string[]> {
    const stat = await fs.promises.stat(dir);
    if (!stat.isDirectory()) return [];
    return fs.promises.readdir(dir).then((names) => { // expect: mixed-async-style:37
      const visible = names.filter((n) => !n.startsWith('.'));
      return visible.sort();
    });
  }

  private async pathFor(name: string): Promise<string> {
    return `/var/data/${name}`;
  }
}
