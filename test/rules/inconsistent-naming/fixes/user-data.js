// fix: Rename to `fetchUserInfo`
const { db } = require('./db');

async function getUserData(id) {
  return db.users.findOne({ where: { id } });
}

async function fetch_user_info(id) {
  const user = await getUserData(id);
  return { name: user.name, email: user.email };
}

async function loadUserData(ids) {
  const fetchUserInfos = ids.map((id) => fetch_user_info(id));
  return Promise.all(fetchUserInfos);
}

module.exports = { loadUserData, getProfile: (id) => fetch_user_info(id) };
