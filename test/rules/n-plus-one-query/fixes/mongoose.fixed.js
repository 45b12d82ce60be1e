// fix: Batch these queries
const mongoose = require('mongoose');

const Author = mongoose.model('Author', new mongoose.Schema({ name: String }));

async function booksWithAuthors(books) {
  const authorRows = await Author.find({ _id: { $in: books.map((book) => book.authorId) } }).lean();
  const authorById = new Map(authorRows.map((row) => [String(row._id), row]));
  for (const book of books) {
    const author = authorById.get(String(book.authorId));
    book.author = author;
  }
  return books;
}

module.exports = { booksWithAuthors };
