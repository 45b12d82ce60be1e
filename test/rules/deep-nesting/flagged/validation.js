function validateSignup(form, existingEmails) {
  const errors = [];
  if (form) {
    if (form.email) {
      if (form.email.includes('@')) {
        if (!existingEmails.has(form.email)) {
          if (form.password) { // expect: deep-nesting:11
            errors.push(...checkPassword(form.password));
          } else {
            errors.push('password is required');
          }
        } else {
          errors.push('email is taken');
        }
      } else {
        errors.push('email is invalid');
      }
    }
  }
  return errors;
}

function checkPassword(password) {
  const problems = [];
  if (password.length < 12) problems.push('password is too short');
  return problems;
}

class ImportJob {
  run(rows) {
    for (const row of rows) {
      switch (row.type) {
        case 'user':
          try {
            if (row.email) {
              while (this.pending(row)) this.flush(); // expect: deep-nesting:15
            }
          } catch (err) {
            this.failed.push({ row, err });
          }
          break;
        default:
          this.skipped++;
      }
    }
  }
}

module.exports = { validateSignup, ImportJob };
