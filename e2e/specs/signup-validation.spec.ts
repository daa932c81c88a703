import { registerUser, uniqueEmail } from '../support/api';
import { expect, test } from '../support/fixtures';

test('sign-up shows the schema’s field errors for bad input and sends nothing', async ({ page }) => {
  let registerCalls = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/auth/register')) registerCalls++;
  });
  await page.goto('/signup');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Password must be at least 8 characters')).toBeVisible();

  await page.getByLabel('Password').fill('longenoughbutnodigit');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Password must contain a digit')).toBeVisible();
  expect(registerCalls).toBe(0);
});

test('sign-up with an email already in use shows the api’s answer', async ({ page }) => {
  const email = uniqueEmail('taken');
  await registerUser(email, 'First Owner');
  await page.goto('/signup');
  await page.getByLabel('Name').fill('Second Person');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('valid-pass-1');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('An account with this email already exists')).toBeVisible();
  await expect(page).toHaveURL(/\/signup/);
});
