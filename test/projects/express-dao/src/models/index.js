// expect: none
module.exports = {
  accounts: require('./accounts'),
  users: require('./users'),
};
