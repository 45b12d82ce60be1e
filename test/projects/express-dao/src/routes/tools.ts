import { Router } from 'express';
import { list, run } from '../lib/shell';
import { getPage, getUserInput } from '../lib/input';
import * as files from '../lib/files';

const router = Router();

router.post('/run', (req, res) => {
  run(getUserInput(req)); // expect: command-injection:7
  res.sendStatus(204);
});

router.post('/page', (req, res) => {
  run(`ls -l page-${getPage(req)}`);
  res.sendStatus(204);
});

router.post('/uptime', (req, res) => {
  run('uptime');
  res.sendStatus(204);
});

router.post('/list', (req, res) => {
  list(req.body.dir);
  res.sendStatus(204);
});

router.get('/report', (req, res) => {
  res.type('text').send(files.readReport(req.query.name as string)); // expect: path-traversal:42
});

router.get('/back', (req, res) => {
  files.backTo(res, req.query.next as string); // expect: open-redirect:21
});

router.get('/home', (req, res) => {
  files.backTo(res, '/');
});

export default router;
