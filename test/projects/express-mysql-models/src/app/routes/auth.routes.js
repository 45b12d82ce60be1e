// expect: none
// Mounted by server.js, which limits every route of its app: the login is limited.
module.exports = (app) => {
  app.post('/api/auth/signin', async (req, res) => {
    res.json({ ok: Boolean(req.body.username && req.body.password) });
  });
};
