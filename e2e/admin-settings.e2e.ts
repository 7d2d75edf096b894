/**
 * Browser journey for the administrator's settings, in Danish:
 *   1. the admin menu has "Indstillinger", which links to every settings screen;
 *   2. the admin changes an offer's default capacity and name; a change made meanwhile by someone
 *      else gives a clear conflict message, reloading and saving again works; a bad number gets a
 *      field error from the server next to the field and in the error summary;
 *   3. the admin adds a closing day (28 December 2026) to the default list and saves it;
 *   4. the admin changes which districts `social` (Sara Socialfaglig) covers;
 *   5. axe-core finds nothing serious or critical on each screen.
 * The server is started with demo data by playwright.config.ts.
 */
import { expect, type Page, test } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { DEMO_PASSWORD, shot, signIn } from './session';

// axe-core is injected as a script tag, which the app's CSP (script-src 'self') would block.
test.use({ bypassCSP: true });

const suffix = Date.now().toString(36).slice(-4);
const offerName = `Familiegrupper ${suffix}`;

async function openSettings(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await nav.getByRole('link', { name: 'Indstillinger' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Indstillinger' })).toBeVisible();
}

test.describe.serial('administrator settings', () => {
  test('the admin changes an offer; a concurrent change is reported as a conflict', async ({ page, playwright, baseURL }) => {
    await signIn(page, 'admin');
    await openSettings(page);
    for (const name of ['Tilbudskatalog', 'Lukkedage', 'Sparringsdistrikter', 'Trivselsskala', 'Screeningsværktøjer']) {
      await expect(page.getByRole('link', { name })).toBeVisible();
    }
    expect(await seriousAxeViolations(page, 'Settings')).toEqual([]);
    await shot(page, 'admin-settings-index');

    await page.getByRole('link', { name: 'Tilbudskatalog' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tilbudskatalog' })).toBeVisible();
    const row = page.getByRole('row', { name: /^Familiegrupper/ });
    await expect(row).toContainText('Gruppeforløb');
    expect(await seriousAxeViolations(page, 'Offer catalogue (admin)')).toEqual([]);
    await shot(page, 'admin-offers');
    await row.getByRole('link', { name: 'Familiegrupper', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ret tilbud: Familiegrupper' })).toBeVisible();
    await expect(page.getByLabel('Navn', { exact: true })).toHaveValue('Familiegrupper');
    expect(await seriousAxeViolations(page, 'Offer form')).toEqual([]);

    // A number the server refuses: its message next to the field and in the summary.
    await page.getByLabel('Antal pladser pr. forløb').fill('0');
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await expect(summary).toBeVisible();
    await expect(page.getByLabel('Antal pladser pr. forløb')).toHaveAttribute('aria-invalid', 'true');
    await shot(page, 'admin-offer-field-error');

    // Someone else changes the offer meanwhile (through the API).
    const other = await playwright.request.newContext({ baseURL });
    const login = await other.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } });
    const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const list = (await (await other.get('/api/offers')).json()) as { items: { id: string; name: string; version: number }[] };
    const offer = list.items.find((o) => o.name === 'Familiegrupper');
    expect(offer).toBeTruthy();
    const patched = await other.patch(`/api/offers/${offer?.id}`, { headers, data: { version: offer?.version, description: 'Ændret af en kollega.' } });
    expect(patched.status()).toBe(200);
    await other.dispose();

    await page.getByLabel('Navn', { exact: true }).fill(offerName);
    await page.getByLabel('Antal pladser pr. forløb').fill('10');
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await expect(page.getByText('Tilbuddet er ændret af en anden, siden du åbnede det.')).toBeVisible();
    await shot(page, 'admin-offer-conflict');
    await page.getByRole('button', { name: 'Genindlæs de nyeste oplysninger' }).click();
    await expect(page.getByLabel('Beskrivelse')).toHaveValue('Ændret af en kollega.');
    await page.getByLabel('Navn', { exact: true }).fill(offerName);
    await page.getByLabel('Antal pladser pr. forløb').fill('10');
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await expect(page).toHaveURL(/\/admin\/tilbud$/);
    await expect(page.getByText(`Tilbuddet «${offerName}» er gemt.`)).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(offerName) })).toBeVisible();
  });

  test('the admin adds a closing day', async ({ page }) => {
    await signIn(page, 'admin');
    await page.goto('/admin/lukkedage');
    await expect(page.getByRole('heading', { level: 1, name: 'Lukkedage' })).toBeVisible();
    await expect(page.getByText('Fristen for at kvittere for en underretning tæller kun arbejdsdage')).toBeVisible();
    const table = page.getByRole('table', { name: 'Ekstra lukkedage' });
    for (const day of ['5. juni', '24. december', '31. december']) await expect(table.getByRole('rowheader', { name: day })).toBeVisible();
    expect(await seriousAxeViolations(page, 'Closing days')).toEqual([]);

    await page.getByRole('button', { name: 'Tilføj lukkedag' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Der er problemer' })).toBeVisible();
    await page.getByLabel('Dato', { exact: true }).fill('2026-12-28');
    await page.getByLabel('Kun på denne dato').check();
    await page.getByRole('button', { name: 'Tilføj lukkedag' }).click();
    await expect(table.getByRole('row', { name: /28\. december 2026/ })).toContainText('Kun dette år');
    await page.getByRole('button', { name: 'Gem lukkedage' }).click();
    await expect(page.getByText('Lukkedagene er gemt.')).toBeVisible();
    await shot(page, 'admin-closing-days');

    await page.reload();
    await expect(page.getByRole('table', { name: 'Ekstra lukkedage' }).getByRole('rowheader', { name: '28. december 2026' })).toBeVisible();
  });

  test('the admin changes the districts social covers', async ({ page }) => {
    await signIn(page, 'admin');
    await openSettings(page);
    await page.getByRole('link', { name: 'Sparringsdistrikter' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sparringsdistrikter' })).toBeVisible();
    const sara = page.getByRole('group', { name: 'Distrikter, som Sara Socialfaglig dækker' });
    await expect(sara.getByLabel('Syd')).toBeChecked();
    expect(await seriousAxeViolations(page, 'Social worker districts')).toEqual([]);

    await sara.getByLabel('Syd').uncheck();
    await page.getByRole('button', { name: 'Gem distrikter for Sara Socialfaglig' }).click();
    await expect(page.getByText('Distrikterne for Sara Socialfaglig er gemt.')).toBeVisible();
    await expect(page.getByText('Distrikter uden socialfaglig medarbejder: Syd')).toBeVisible();
    await shot(page, 'admin-districts');

    await page.reload();
    await expect(page.getByRole('group', { name: 'Distrikter, som Sara Socialfaglig dækker' }).getByLabel('Syd')).not.toBeChecked();
    await expect(page.getByRole('group', { name: 'Distrikter, som Sara Socialfaglig dækker' }).getByLabel('Nord')).toBeChecked();
  });

  // The journeys share one demo municipality: put back what this one changed, so that the
  // journeys after it (offers, concerns, notifications) meet the demo as seeded.
  test.afterAll(async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    const login = await api.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } });
    const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const offers = (await (await api.get('/api/offers')).json()) as { items: { id: string; name: string; version: number }[] };
    const renamed = offers.items.find((o) => o.name === offerName);
    if (renamed) expect((await api.patch(`/api/offers/${renamed.id}`, { headers, data: { version: renamed.version, name: 'Familiegrupper' } })).status()).toBe(200);
    const settings = (await (await api.get('/api/notifications/settings')).json()) as { version: number; extraClosingDays: string[] };
    const closingDays = settings.extraClosingDays.filter((d) => d !== '2026-12-28');
    expect((await api.put('/api/notifications/settings', { headers, data: { version: settings.version, extraClosingDays: closingDays } })).status()).toBe(200);
    const coverage = (await (await api.get('/api/social-worker-districts')).json()) as {
      districts: { id: string }[];
      socialWorkers: { id: string; name: string; districts: { id: string }[] }[];
    };
    const sara = coverage.socialWorkers.find((w) => w.name === 'Sara Socialfaglig');
    if (sara) {
      const body = { districtIds: coverage.districts.map((d) => d.id), previousDistrictIds: sara.districts.map((d) => d.id) };
      expect((await api.put(`/api/staff/${sara.id}/districts`, { headers, data: body })).status()).toBe(200);
    }
    await api.dispose();
  });
});
