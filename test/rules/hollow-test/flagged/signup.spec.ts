import { test } from '@playwright/test';
import { SignupForm } from '../src/signup-form';

// The object comes from the code under test, not from the tests' support: nothing here checks its result.
test('signs up', async () => { // expect: hollow-test:1
  const form = new SignupForm();
  await form.submit({ email: 'ada@example.com' });
});

test('creates the account successfully', async () => { // expect: hollow-test:1
  await new SignupForm().submit({ email: 'grace@example.com' });
});
