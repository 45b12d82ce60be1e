// expect: none
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import multer from 'multer';
import express from 'express';

const app = express();
const upload = multer({ dest: 'uploads/' });

// multer chooses the stored path and file name; only `originalname` comes from the client.
app.post('/upload', upload.single('file'), (req, res) => {
  const data = fs.readFileSync(req.file!.path);
  fs.unlinkSync(path.join('uploads', req.file!.filename));
  res.json({ size: data.length, name: req.file!.originalname });
});

export async function loadConfig(env: string) {
  return JSON.parse(await readFile(path.join(__dirname, 'config', `${env}.json`), 'utf8'));
}

const CONFIG_DIR = process.env.CONFIG_DIR ?? './config';
export function readAll() {
  return fs.readdirSync(CONFIG_DIR).map((f) => fs.readFileSync(path.join(CONFIG_DIR, f), 'utf8'));
}

app.get('/report/:id', (req, res) => {
  const id = Number(req.params.id);
  if (!Number.isInteger(id)) return res.sendStatus(400);
  res.sendFile(path.join(__dirname, 'reports', `${id}.pdf`));
});
