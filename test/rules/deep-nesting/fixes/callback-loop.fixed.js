// fix: Return early with guard clauses
const fs = require('node:fs');

function collectConfigs(dirs) {
  const found = {};
  dirs.forEach((dir) => {
    for (const name of fs.readdirSync(dir)) {
      if (!name.endsWith('.json')) continue;
      const full = `${dir}/${name}`;
      if (!fs.statSync(full).isFile()) continue;
      try {
        const parsed = JSON.parse(fs.readFileSync(full, 'utf8'));
        if (parsed && typeof parsed === 'object') {
          found[full] = parsed;
        }
      } catch (err) {
        console.warn(`skipping ${full}: ${err.message}`);
      }
    }
  });
  return found;
}

module.exports = { collectConfigs };
