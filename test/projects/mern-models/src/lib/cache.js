// expect: none
// Not a model: an in-memory store whose `find` takes a plain object.
class Store {
  constructor() {
    this.items = [];
  }
  find(where) {
    return this.items.filter((i) => Object.keys(where).every((k) => i[k] === where[k]));
  }
  findOne(where) {
    return this.find(where)[0];
  }
}

module.exports = new Store();
