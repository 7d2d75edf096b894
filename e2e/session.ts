/**
 * Signing in and out in the browser journeys, and optional screenshots. The demo
 * users (seeded by playwright.config.ts's server) all have DEMO_PASSWORD.
 */
import { expect, type Page } from '@playwright/test';

/** The password of every demo user. */
export const DEMO_PASSWORD = 'spire-demo-2026';

export interface SignInOptions {
  /** First wait for the "Log ind" heading on the sign-in page. Default false. */
  checkForm?: boolean;
  /** After submitting, wait until Min dag (`/`) is shown. Default true; false for a sign-in that may be refused. */
  waitForHome?: boolean;
}

/**
 * Signs in through the sign-in page (`/log-ind`) and, unless told otherwise, waits for Min dag.
 * @example await signIn(page, 'sundhed');
 * @example await signIn(page, visitor.username, 'wrong', { waitForHome: false });
 */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD, options: SignInOptions = {}) {
  const { checkForm = false, waitForHome = true } = options;
  await page.goto('/log-ind');
  if (checkForm) await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  await page.getByLabel('Brugernavn', { exact: true }).fill(username);
  await page.getByLabel('Adgangskode', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  if (waitForHome) await expect(page).toHaveURL(/\/$/);
}

/**
 * Signs out with "Log af" and waits for the sign-in page; with `checkMessage`, also
 * expects the "signed out" message there.
 * @example await signOut(page);
 * @example await signOut(page, { checkMessage: true });
 */
export async function signOut(page: Page, options: { checkMessage?: boolean } = {}) {
  await page.getByRole('button', { name: 'Log af' }).click();
  await expect(page).toHaveURL(/\/log-ind/);
  if (options.checkMessage) await expect(page.getByText('Du er nu logget af Spire.')).toBeVisible();
}

/**
 * A full-page screenshot to `$SPIRE_E2E_SHOTS/<name>.png`; does nothing when SPIRE_E2E_SHOTS is not set.
 * @example await shot(page, 'meetings-map');
 */
export async function shot(page: Page, name: string) {
  const shots = process.env.SPIRE_E2E_SHOTS;
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}
