/**
 * DKFDS "Session udløber" (interop §7 item 14): with a fake clock, the modal appears before the
 * session ends, focus moves into it, "Forbliv logget ind" extends the session, and letting it run
 * out sends the user to the sign-in page with a message.
 */
import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './session';

/**
 * Signs in as `sundhed` and waits for Min dag by its greeting of Sofie, and until its sections have
 * all answered: a response still on its way when the test moves the clock would carry the session's
 * end as of before the jump and (rightly) move the warning.
 */
async function signInAsSofie(page: Page) {
  await signIn(page, 'sundhed', DEMO_PASSWORD, { waitForHome: false });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sofie');
  await page.waitForLoadState('networkidle');
}

/** Seconds from now until the session ends and the warning lead time, as the server reports them. */
async function sessionTimes(page: Page) {
  return page.evaluate(async () => {
    const r = await fetch('/api/auth/me', { credentials: 'same-origin' });
    const body = await r.json();
    return {
      remaining: Math.round((Date.parse(body.session.expiresAt) - Date.parse(r.headers.get('date') ?? '')) / 1000),
      warn: Math.max(20, Number(body.session.warnBeforeSeconds ?? 300)),
    };
  });
}

test('the session-timeout dialog warns, extends and signs out', async ({ page }) => {
  await page.clock.install();
  await signInAsSofie(page);
  const { remaining, warn } = await sessionTimes(page);
  expect(remaining).toBeGreaterThan(warn);

  // Just before the warning: no dialog.
  await page.clock.fastForward((remaining - warn - 5) * 1000);
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // At the warning: a modal that requires action, with focus inside it.
  await page.clock.fastForward(10_000);
  const dialog = page.getByRole('dialog', { name: 'Din session udløber snart' });
  await expect(dialog).toBeVisible();
  const stay = dialog.getByRole('button', { name: 'Forbliv logget ind' });
  await expect(stay).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Log af' })).toBeVisible();
  await expect(dialog).toContainText('min.');

  // "Forbliv logget ind" extends the session and closes the dialog.
  const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/auth/refresh') && r.status() === 200);
  await stay.click();
  await refreshed;
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Let the new session run out: the user lands on the sign-in page with an explanation.
  const after = await sessionTimes(page);
  await page.clock.fastForward((after.remaining - after.warn + 2) * 1000);
  await expect(page.getByRole('dialog', { name: 'Din session udløber snart' })).toBeVisible();
  await page.clock.fastForward((after.warn + 2) * 1000);
  await expect(page).toHaveURL(/\/log-ind/);
  await expect(page.getByText('Din session er udløbet af sikkerhedshensyn.')).toBeVisible();
});

test('using the app on any screen moves the warning (x-session-expires-at on every API response)', async ({ page }) => {
  await page.clock.install();
  await signInAsSofie(page);
  const { remaining, warn } = await sessionTimes(page);

  // Half a minute before the warning, the user opens another screen: its API calls say when the session now ends.
  await page.clock.fastForward((remaining - warn - 30) * 1000);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/children/search') && r.status() === 200);
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Børn' }).click();
  await answered;
  await expect(page.getByRole('heading', { level: 1, name: 'Børn' })).toBeVisible();

  // The old deadline passes without a warning: the session is still young.
  await page.clock.fastForward(60_000);
  await expect(page.getByRole('dialog', { name: 'Din session udløber snart' })).toHaveCount(0);
});
