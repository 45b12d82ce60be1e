// Mounted by admin.js, whose app has no limiter.
module.exports = (app) => {
  app.post('/admin/login', async (req, res) => { // expect: missing-rate-limit:7
    res.json({ ok: Boolean(req.body.username && req.body.password) });
  });
};
