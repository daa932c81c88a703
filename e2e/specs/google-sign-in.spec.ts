import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { uniqueEmail } from '../support/api';
import { seriousViolations } from '../support/axe';
import { ARTIFACTS, expect, test } from '../support/fixtures';

// "Continue with Google" end to end: the web's link, the issuer's own login and consent pages
// (a local oidc-provider on 127.0.0.1: another site than the app on localhost), the api's callback
// setting the refresh cookie on that cross-site redirect, and the web taking the session from it
// as after any reload.

async function issuerAccount(emailVerified: boolean): Promise<{ sub: string; email: string }> {
  const issuer = process.env.E2E_OIDC_ISSUER;
  if (!issuer) throw new Error('E2E_OIDC_ISSUER is not set: run through playwright.config.ts (global setup)');
  const account = {
    sub: `e2e-${Math.random().toString(36).slice(2)}`,
    email: uniqueEmail('google'),
    email_verified: emailVerified,
    name: 'Ada Lovelace',
  };
  const res = await fetch(`${issuer}/test/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  expect(res.status).toBe(204);
  return account;
}

/** From a sign-in page of the app: Continue with Google, sign in at the issuer as `sub`, consent. */
async function continueWithGoogle(page: Page, sub: string): Promise<void> {
  await page.getByRole('link', { name: 'Continue with Google' }).click();
  await page.locator('input[name="login"]').fill(sub);
  await page.locator('input[name="password"]').fill('any');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('Continue with Google signs a new person in, and the session survives a reload', async ({ page }) => {
  const account = await issuerAccount(true);
  await page.goto('/login');
  await continueWithGoogle(page, account.sub);

  await expect(page).toHaveURL(/\/workspaces$/);
  await expect(page.getByRole('heading', { name: 'Your workspaces' })).toBeVisible();
  await expect(page.getByText('Ada Lovelace').first()).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(/\/workspaces$/);
  await expect(page.getByText('Ada Lovelace').first()).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`an unverified Google email comes back to sign-in with the reason (${scheme} mode, no serious axe violations)`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const account = await issuerAccount(false);
    await page.goto('/signup');
    await continueWithGoogle(page, account.sub);

    await expect(page).toHaveURL(/\/login\?signInError=unverified_email/);
    await expect(
      page.getByRole('alert').filter({ hasText: 'Google has not verified the email address' }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Continue with Google' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await page.screenshot({ path: join(ARTIFACTS, `google-sign-in-error-${scheme}.png`) });
    expect(await seriousViolations(page)).toEqual([]);
  });
}
