import { test } from '@playwright/test';
import { SignupForm } from '../src/signup-form';
import { FakeMailer } from './mocks/fake-mailer';

// The object comes from the code under test, not from the tests' support: nothing here checks its result.
test('signs up', async () => { // expect: hollow-test:1
  const form = new SignupForm();
  await form.submit({ email: 'ada@example.com' });
});

test('creates the account successfully', async () => { // expect: hollow-test:1
  await new SignupForm().submit({ email: 'grace@example.com' });
});

// A test double from the tests' folder stands in for code: calling it checks nothing.
test('sends the welcome mail', async () => { // expect: hollow-test:1
  const mailer = new FakeMailer();
  await new SignupForm({ mailer }).submit({ email: 'alan@example.com' });
  mailer.flush();
});
