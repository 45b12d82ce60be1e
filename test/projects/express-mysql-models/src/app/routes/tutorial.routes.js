// expect: none
const tutorials = require('../controllers/tutorial.controller.js');
const files = require('../controllers/files.controller.js');

module.exports = function (app) {
  const router = require('express').Router();
  router.get('/', tutorials.findAll);
  router.get('/published', tutorials.findAllPublished);
  router.get('/search', tutorials.search);
  router.get('/:id', tutorials.findOne);
  router.get('/files/download', files.download);
  app.use('/api/tutorials', router);
};
