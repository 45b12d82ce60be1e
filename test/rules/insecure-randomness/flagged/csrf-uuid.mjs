export function csrfToken() {
  return 'xxxxxxxxxxxxxxxx'.replace(/x/g, () => ((Math.random() * 16) | 0).toString(16)); // expect: insecure-randomness:51
}

export const makeSecret = () => {
  let secret = '';
  while (secret.length < 40) secret += Math.random().toString(36).slice(2); // expect: insecure-randomness:40
  return secret;
};

export function createSession(store, userId) {
  const session = { userId, nonce: Math.random() }; // expect: insecure-randomness:36
  store.set(userId, session);
  return session;
}
