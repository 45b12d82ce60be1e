// expect: none
// The model is called by helpers of this file: what `search` is given reaches the model's SQL through `byTitle`.
const Tutorial = require('../models/tutorial.model.js');

function byTitle(title, done) {
  Tutorial.getAll(title.trim(), done);
}

function published(done) {
  Tutorial.getAllPublished(done);
}

exports.search = (title, done) => byTitle(title, done);
exports.listPublished = (done) => published(done);
