// expect: none
const mongoose = require('mongoose');

const CommentSchema = new mongoose.Schema({ post: String, author: String, text: String });

// A Mongoose model outside a `models` folder: only the project says what `require('../db/Comment')` is.
module.exports = Comment = mongoose.model('comment', CommentSchema);
