// expect: none
// A model base class writing through `this` (Sequelize's own Model): the receiver is the class, not a repository,
// and no request body is in sight.
class Model {
  static build(values, options) {
    return new this(values, options);
  }

  static create(values, options) {
    return this.build(values, options).save(options);
  }

  reload(options) {
    return this.merge(this.constructor.findOne(options));
  }

  update(values, options) {
    return this.create(values, options);
  }
}

module.exports = Model;
