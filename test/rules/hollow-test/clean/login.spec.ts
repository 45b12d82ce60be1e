// expect: none
import { test } from '@playwright/test';
import { LoginPage } from './support/login-page';
import { createUser } from './support/users';

// The page object asserts inside its methods (waits for the dashboard, expects the user's name).
test('signs in', async ({ page }) => {
  const user = await createUser();
  const loginPage = new LoginPage(page);
  await loginPage.goto();
  await loginPage.signIn(user.email);
});
