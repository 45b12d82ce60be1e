// fix: Add a JSDoc comment
/**
 * @param {string} text
 * @param {string} [separator='-']
 * @returns {*}
 */
function slugify(text, separator = '-') {
  return text.toLowerCase().trim().split(/\s+/).join(separator);
}

/**
 * @param {*} items
 * @param {Object} options
 * @param {number} [options.page]
 * @param {*} options.size
 * @returns {*}
 */
exports.paginate = function (items, { page = 1, size }) {
  return items.slice((page - 1) * size, page * size);
};

module.exports.slugify = slugify;
