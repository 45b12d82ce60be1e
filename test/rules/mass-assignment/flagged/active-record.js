const Tutorial = require('../models/tutorial.model.js');
const { Comment } = require('../models');

// The record built from the body is saved as it is: every field the client sent is stored.
exports.create = async (req, res) => {
  const tutorial = new Tutorial(req.body); // expect: mass-assignment:33
  await tutorial.save();
  res.status(201).send(tutorial);
};

exports.comment = async (req, res) => {
  res.send(await new Comment(req.body).save()); // expect: mass-assignment:30
};
