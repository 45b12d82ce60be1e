import type { Express } from 'express';
import { pads, checkAccess } from './pads';

// The import reads the caller's cookies to decide what they may change: a forged cross-site post acts as them.
export function importRoutes(app: Express) {
  app.get('/p/:pad/join', (req, res) => {
    res.cookie('token', pads.newAuthorToken(), { path: '/' }); // expect: missing-csrf:5
    res.redirect(`/p/${req.params.pad}`);
  });

  app.post('/p/:pad/import', async (req, res) => {
    const access = await checkAccess(req.params.pad, req.cookies.sessionID, req.cookies.token);
    if (access !== 'grant') return res.status(403).send('Forbidden');
    await pads.importText(req.params.pad, req.body.text);
    res.send({ ok: true });
  });
}
