// expect: none
// Failures dropped on purpose, and the author says why just before the try.

function startTime(window) {
  // startDate is optional: toISOString() throws on null, and then the job simply has no start.
  let startAt;
  try {
    startAt = window.startDate.toISOString();
  } catch (_) {}
  return startAt;
}

function readOptionalConfig(fs, file) {
  /* A missing or unreadable override file means the defaults apply. */
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')).timeoutMs;
  } catch {}
  return 5000;
}

module.exports = { startTime, readOptionalConfig };
