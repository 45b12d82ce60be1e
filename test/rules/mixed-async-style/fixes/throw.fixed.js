// fix: Await fs.promises.readFile
const fs = require('fs');

async function loadSettings(path) {
  const defaults = await loadDefaults();
  const text = await fs.promises.readFile(path, 'utf8');
  const settings = JSON.parse(text);
  applySettings({ ...defaults, ...settings });
}

async function loadDefaults() {
  return { theme: 'light' };
}

function applySettings(settings) {
  console.log(settings);
}

module.exports = { loadSettings };
