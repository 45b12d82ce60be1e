const Tutorial = require('../models/tutorial.model.js');
const service = require('../services/tutorial.service.js');

exports.findAll = (req, res) => {
  const title = req.query.title;
  Tutorial.getAll(title, (err, data) => (err ? res.status(500).send({ message: err.message }) : res.send(data))); // expect: sql-injection:19
};

// The look-alikes: a placeholder for the id, no request data at all.
exports.findOne = (req, res) => {
  Tutorial.findById(req.params.id, (err, data) => (err ? res.status(404).end() : res.send(data)));
};

exports.findAllPublished = (req, res) => {
  Tutorial.getAllPublished((err, data) => res.send(data));
};

exports.search = (req, res) => {
  service.search(req.query.q, (err, data) => res.send(data)); // expect: sql-injection:18
};

exports.published = (req, res) => {
  service.listPublished((err, data) => res.send(data));
};
