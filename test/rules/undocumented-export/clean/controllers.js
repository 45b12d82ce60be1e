// expect: none
const { User } = require('./models');

/**
 * Lists users, newest first.
 * @param {number} [limit=20]
 */
function listUsers(limit = 20) {
  return User.findAll({ limit, order: [['createdAt', 'DESC']] });
}

// Express handlers: their parameters are the framework's request, response and next.
exports.show = async (req, res) => {
  res.json(await User.findByPk(req.params.id));
};

exports.remove = async function (req, res, next) {
  try {
    await User.destroy({ where: { id: req.params.id } });
    res.status(204).end();
  } catch (error) {
    next(error);
  }
};

exports.health = () => ({ ok: true });

module.exports.listUsers = listUsers;
