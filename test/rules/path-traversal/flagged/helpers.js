const fs = require('fs');
const path = require('path');
const router = require('express').Router();

const IMAGES = path.join(__dirname, 'images');

function imagePath(name) {
  return path.join(IMAGES, name);
}

function readReport(file) {
  return fs.readFileSync(`./reports/${file}`, 'utf8'); // expect: path-traversal:26
}

router.get('/images', (req, res) => {
  fs.createReadStream(imagePath(req.query.img)).pipe(res); // expect: path-traversal:23
});

router.get('/reports/:id', (req, res) => {
  res.send(readReport(req.params.id));
});

router.post('/restore', async (req, res) => {
  for (const name of req.body.files) {
    await fs.promises.copyFile(path.join('/backups', name), path.join('/srv/data', name)); // expect: path-traversal:32
  }
  res.sendStatus(204);
});

module.exports = router;
