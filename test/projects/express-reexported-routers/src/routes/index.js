// expect: none
const { accountRouter } = require('./account');

module.exports = {
  auth: require('./auth'),
  account: accountRouter,
  partners: require('./partners'),
};
