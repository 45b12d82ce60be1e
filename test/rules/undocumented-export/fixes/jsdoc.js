// fix: Add a JSDoc comment
function slugify(text, separator = '-') {
  return text.toLowerCase().trim().split(/\s+/).join(separator);
}

exports.paginate = function (items, { page = 1, size }) {
  return items.slice((page - 1) * size, page * size);
};

module.exports.slugify = slugify;
