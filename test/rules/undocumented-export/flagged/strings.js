function slugify(text, separator = '-') { // expect: undocumented-export:10
  return text.toLowerCase().trim().split(/\s+/).join(separator);
}

const truncate = (text, length) => (text.length > length ? `${text.slice(0, length)}…` : text); // expect: undocumented-export:7

exports.capitalize = function (word) { // expect: undocumented-export:9
  return word.charAt(0).toUpperCase() + word.slice(1);
};

module.exports.pad = (value, width) => String(value).padStart(width); // expect: undocumented-export:16

// Not a reducer: a permission check whose second parameter happens to be called `action`.
exports.can = function (user, action) { // expect: undocumented-export:9
  return user.permissions.includes(action);
};

module.exports = { slugify, truncate };
