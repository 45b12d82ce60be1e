// expect: none
// Models imported from elsewhere may hash in a hook this file cannot see; identity providers hash themselves.
const User = require('../models/User');
const { createClient } = require('@supabase/supabase-js');
const { ManagementClient } = require('auth0');

const supabase = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_KEY);
const auth0 = new ManagementClient({ domain: process.env.AUTH0_DOMAIN, clientId: 'x', clientSecret: process.env.AUTH0_SECRET });

async function register(req, res) {
  const { email, password } = req.body;
  const user = new User({ email, password });
  await user.save();
  await User.create({ email, password });
  res.status(201).json({ id: user._id });
}

async function supabaseLogin(req, res) {
  const { email, password } = req.body;
  const { data, error } = await supabase.auth.signInWithPassword({ email, password });
  if (error) return res.status(401).json({ error: error.message });
  res.json(data);
}

async function auth0Signup(req, res) {
  const { email, password } = req.body;
  await auth0.users.create({ connection: 'Username-Password-Authentication', email, password });
  res.sendStatus(201);
}

module.exports = { register, supabaseLogin, auth0Signup };
