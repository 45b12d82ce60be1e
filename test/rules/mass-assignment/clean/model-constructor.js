// expect: none
// A project class built from the body and handed to the model's own update, never saved as a record here: its
// constructor may copy only the fields it names (`this.title = data.title`), which this file cannot see.
const Tutorial = require('../models/tutorial.model.js');

exports.update = (req, res) => {
  Tutorial.updateById(req.params.id, new Tutorial(req.body), (err, data) => {
    if (err) return res.status(500).send({ message: err.message });
    res.send(data);
  });
};

exports.preview = (req, res) => {
  const draft = new Tutorial(req.body);
  res.send({ title: draft.title });
};
