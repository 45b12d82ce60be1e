const mongoose = require('mongoose');
const knex = require('knex')({ client: 'pg' });

const Author = mongoose.model('Author', new mongoose.Schema({ name: String }));
const Book = mongoose.model('Book', new mongoose.Schema({ title: String, authorId: mongoose.ObjectId }));

async function booksWithAuthors() {
  const books = await Book.find({ published: true }).lean();
  for (const book of books) {
    book.author = await Author.findById(book.authorId).lean(); // expect: n-plus-one-query:25
  }
  return books;
}

async function reviewsOf(books) {
  return Promise.all(books.map((b) => Book.find({ sequelOf: b._id }))); // expect: n-plus-one-query:39
}

async function ownersOf(pets) {
  const owners = [];
  for (const pet of pets) {
    const owner = await knex('owners').where({ id: pet.ownerId }).first(); // expect: n-plus-one-query:25
    owners.push(owner);
  }
  for (const pet of pets) {
    await knex('visits').insert({ pet_id: pet.id, at: new Date() }); // expect: n-plus-one-query:11
  }
  return owners;
}

module.exports = { booksWithAuthors, reviewsOf, ownersOf };
