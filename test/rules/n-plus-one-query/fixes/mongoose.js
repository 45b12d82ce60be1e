// fix: Batch these queries
const mongoose = require('mongoose');

const Author = mongoose.model('Author', new mongoose.Schema({ name: String }));

async function booksWithAuthors(books) {
  for (const book of books) {
    const author = await Author.findById(book.authorId).lean();
    book.author = author;
  }
  return books;
}

module.exports = { booksWithAuthors };
