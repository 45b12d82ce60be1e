// expect: none
// Each function starts again at level zero: callbacks nested in callbacks are not nested control flow.
const fs = require('node:fs');

function watchConfigs(dirs, onChange) {
  for (const dir of dirs) {
    if (fs.existsSync(dir)) {
      fs.watch(dir, (event, name) => {
        if (name && name.endsWith('.json')) {
          fs.readFile(`${dir}/${name}`, 'utf8', (err, text) => {
            if (err) {
              if (err.code !== 'ENOENT') console.error(err);
              return;
            }
            try {
              onChange(name, JSON.parse(text));
            } catch (parseError) {
              if (parseError instanceof SyntaxError) console.warn(`${name}: ${parseError.message}`);
            }
          });
        }
      });
    }
  }
}

module.exports = { watchConfigs };
