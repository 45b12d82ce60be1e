// expect: none
function shuffle(items) {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

async function retry(fn, attempts = 5) {
  for (let i = 0; i < attempts; i++) {
    try {
      return await fn();
    } catch (err) {
      const delay = 2 ** i * 100 + Math.random() * 100;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
  throw new Error('gave up');
}

function randomColor() {
  return `hsl(${Math.floor(Math.random() * 360)}, 70%, 50%)`;
}

const particles = Array.from({ length: 50 }, () => ({ x: Math.random() * 800, y: Math.random() * 600, opacity: Math.random() }));

function sampleRate() {
  return Math.random() < 0.1;
}

const tokenCount = Math.floor(Math.random() * 10);
const requestId = Date.now().toString(36) + Math.random().toString(36).slice(2);

module.exports = { shuffle, retry, randomColor, particles, sampleRate, tokenCount, requestId };
