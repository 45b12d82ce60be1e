// fix: Rename to `fetchUserInfo`
const { db } = require('./db');

async function getUserData(id) {
  return db.users.findOne({ where: { id } });
}

async function fetchUserInfo(id) {
  const user = await getUserData(id);
  return { name: user.name, email: user.email };
}

async function loadUserData(ids) {
  const fetchUserInfos = ids.map((id) => fetchUserInfo(id));
  return Promise.all(fetchUserInfos);
}

module.exports = { loadUserData, getProfile: (id) => fetchUserInfo(id) };
