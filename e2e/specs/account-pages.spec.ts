import { join } from 'node:path';
import { PASSWORD, registerUser, uniqueEmail } from '../support/api';
import { waitForMail } from '../support/database';
import { ARTIFACTS, expect, signIn, test } from '../support/fixtures';

const linkIn = (text: string, path: string) => {
  const match = new RegExp(`https?://[^\\s]+${path}\\?token=[\\w-]+`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[0];
};

test('forgot password emails a reset link; the reset page sets a new password and sign-in works with it', async ({
  page,
}) => {
  const email = uniqueEmail('forgot');
  await registerUser(email, 'Fran Forgetful');

  await page.goto('/login');
  await page.screenshot({ path: join(ARTIFACTS, 'login-forgot-link.png') });
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('we have sent it a link')).toContainText(email);

  const mail = await waitForMail(email, 'reset-password');
  expect(mail.subject).toBe('Reset your TeamFlow password');
  await page.goto(linkIn(mail.text, '/reset-password'));

  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByLabel('Repeat the new password').fill('different');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('Password must be at least 8 characters')).toBeVisible();
  await expect(page.getByText('The passwords do not match')).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'reset-password-errors.png') });

  const newPassword = 'fresh-start-42';
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Repeat the new password').fill(newPassword);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('Your password has been changed')).toBeVisible();

  // The link works once.
  const used = page.url();
  await page.getByRole('link', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Invalid email or password')).toBeVisible();
  await page.getByLabel('Password').fill(newPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/workspaces$/);

  await page.goto(used);
  await page.getByLabel('New password', { exact: true }).fill('another-one-7');
  await page.getByLabel('Repeat the new password').fill('another-one-7');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('This link is invalid, used or expired')).toBeVisible();
});

test('the verification link confirms the email once, and the profile shows it verified', async ({ page }) => {
  const email = uniqueEmail('verify');
  await registerUser(email, 'Vera Verify');
  const mail = await waitForMail(email, 'verify-email');
  const link = linkIn(mail.text, '/verify-email');

  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Email confirmed' })).toBeVisible();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Email not confirmed' })).toBeVisible();

  await signIn(page, email, '/profile');
  await expect(page.getByText('Verified', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Resend verification email' })).toHaveCount(0);
});

test('a name changed on the profile persists after reload; an unverified email can ask for a new link', async ({
  page,
}) => {
  const email = uniqueEmail('profile');
  await registerUser(email, 'Pat Profile');
  await signIn(page, email, '/profile');

  await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toHaveValue('Pat Profile');
  await name.fill('');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await name.fill('Patricia Profile');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('link', { name: /Your profile:\s*Patricia Profile/ })).toBeVisible();

  await expect(page.getByText('Not verified')).toBeVisible();
  await page.getByRole('button', { name: 'Resend verification email' }).click();
  await expect(page.getByText('We sent a new confirmation link')).toBeVisible();

  await expect(page.getByRole('link', { name: 'Notification preferences' })).toHaveAttribute(
    'href',
    '/profile/notifications',
  );

  await page.getByLabel('Current password').fill('wrong-password-1');
  await page.getByLabel('New password', { exact: true }).fill('changed-pass-9');
  await page.getByLabel('Repeat the new password').fill('changed-pass-9');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('The current password is not correct')).toBeVisible();
  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed', { exact: true })).toBeVisible();

  await page.reload();
  await expect(name).toHaveValue('Patricia Profile');
  await page.screenshot({ path: join(ARTIFACTS, 'profile.png'), fullPage: true });
});

test.describe('with the device in Berlin', () => {
  test.use({ timezoneId: 'Europe/Berlin' });

  test('the time zone picker finds a zone by city, saves it, and offers the device’s zone', async ({
    page,
  }) => {
    const email = uniqueEmail('zone');
    await registerUser(email, 'Zoe Zone');
    await signIn(page, email, '/profile');

    const form = page.getByRole('form', { name: 'Your time zone' });
    // A new account is in UTC until the user says otherwise.
    await expect(form.getByText('UTC', { exact: true })).toBeVisible();
    const search = form.getByRole('combobox', { name: 'Time zone' });
    await search.fill('new y');
    await expect(form.getByRole('option', { name: /America\/New_York/ })).toBeVisible();
    await search.fill('tokyo');
    const tokyo = form.getByRole('option', { name: /Asia\/Tokyo/ });
    // The city that starts with what was typed comes first, before looser matches.
    await expect(form.getByRole('option').first()).toHaveAccessibleName(/^Asia\/Tokyo/);
    await page.screenshot({ path: join(ARTIFACTS, 'profile-time-zone.png'), fullPage: true });
    await tokyo.click();
    await expect(form.getByText('Asia/Tokyo', { exact: true })).toBeVisible();
    await form.getByRole('button', { name: 'Save time zone' }).click();
    await expect(page.getByText('Time zone saved', { exact: true })).toBeVisible();

    await page.reload();
    await expect(form.getByText('Asia/Tokyo', { exact: true })).toBeVisible();
    await form.getByRole('button', { name: 'Use this device’s zone (Europe/Berlin)' }).click();
    await expect(form.getByText('Europe/Berlin', { exact: true })).toBeVisible();
    await form.getByRole('button', { name: 'Save time zone' }).click();
    await expect(page.getByText('Time zone saved', { exact: true })).toBeVisible();
    await page.reload();
    await expect(form.getByText('Europe/Berlin', { exact: true })).toBeVisible();
    // Already the device's zone: the shortcut has nothing left to do.
    await expect(form.getByRole('button', { name: /Use this device’s zone/ })).toHaveCount(0);
  });
});
