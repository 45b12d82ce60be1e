// fix: Redact `password` in the log message
function check(email, password) {
  console.log(`Checking ${email} with password [redacted]`);
}
module.exports = { check };
