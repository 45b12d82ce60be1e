// expect: none
// A Sequelize model definer: models/index.js calls it with the instance and the data types.
module.exports = function (sequelize, DataTypes) {
  const Album = sequelize.define('album', {
    id: { type: DataTypes.UUID, primaryKey: true },
    title: { type: DataTypes.STRING, allowNull: false },
  });
  Album.associate = (models) => Album.belongsTo(models.Artist);
  return Album;
};
