/**
 * Browser journey for the administrator screens, in Danish (the default language):
 *   1. an administrator creates a health-visiting unit and a health visitor with a membership in it;
 *   2. that health visitor signs in and sees the new unit on Min dag;
 *   3. a wrong password is refused with a clear message;
 *   4. axe-core (WCAG 2.1 A/AA) finds nothing serious or critical on the main screens.
 * The server is started with demo data by playwright.config.ts.
 */
import { expect, test } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { DEMO_PASSWORD, signIn, signOut } from './session';

const suffix = Date.now().toString(36).slice(-5);
const unitName = `Sundhedsplejen Øst ${suffix}`;
const visitor = {
  name: `Birthe Sørensen ${suffix}`,
  username: `birthe.${suffix}`,
  email: `birthe.${suffix}@spireby.example`,
  password: 'Sommerfugl-2026-øst',
};

/** This journey checks the sign-in form's heading first and looks for Min dag itself: one sign-in is meant to be refused. */
const formOnly = { checkForm: true, waitForHome: false };

test.describe.serial('administrator journey', () => {
  test('an administrator creates a health-visiting unit and a health visitor in it', async ({ page }) => {
    await signIn(page, 'admin', DEMO_PASSWORD, formOnly);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Anne');
    const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
    // The administrator's menu stays short: the settings screens (offers, closing days, sparring
    // districts, wellbeing scale, screening instruments) are under "Indstillinger".
    await expect(nav.getByRole('link')).toHaveText(['Min dag', 'Tilbud', 'Organisation', 'Medarbejdere', 'Adgangslog', 'Indstillinger', 'API']);

    // Create the unit.
    await nav.getByRole('link', { name: 'Organisation' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Organisation' })).toBeVisible();
    await page.getByRole('link', { name: 'Opret enhed' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Opret enhed' })).toBeVisible();

    // An empty submit shows the error summary above the H1 with specific messages.
    await page.getByRole('button', { name: 'Opret enhed' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Indtast enhedens navn' })).toBeVisible();
    await summary.getByRole('link', { name: 'Indtast enhedens navn' }).click();
    await expect(page.getByLabel('Enhedens navn')).toBeFocused();
    await expect(page.getByLabel('Enhedens navn')).toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('Enhedens navn').fill(unitName);
    await page.getByLabel('Type').selectOption({ label: 'Sundhedspleje' });
    await page.getByLabel('Distrikt').selectOption({ index: 1 });
    await page.getByLabel('Adresse').fill('Østergade 1, 9000 Spireby');
    await page.getByLabel('Telefonnummer').fill('70 10 20 40');
    await page.getByRole('button', { name: 'Opret enhed' }).click();

    await expect(page).toHaveURL(/\/admin\/organisation$/);
    await expect(page.getByText(`Enheden ${unitName} er oprettet.`)).toBeVisible();
    const unitRow = page.getByRole('row', { name: new RegExp(unitName) });
    await expect(unitRow).toBeVisible();
    await expect(unitRow).toContainText('Sundhedspleje');

    // Create the health visitor.
    await nav.getByRole('link', { name: 'Medarbejdere' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Medarbejdere' })).toBeVisible();
    await page.getByRole('link', { name: 'Opret medarbejder' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Opret medarbejder' })).toBeVisible();
    await page.getByLabel('Fulde navn').fill(visitor.name);
    await page.getByLabel('Brugernavn').fill(visitor.username);
    await page.getByLabel('E-mail').fill(visitor.email);
    await page.getByLabel('Faggruppe').selectOption({ label: 'Sundhedsplejerske' });
    await page.getByLabel('Midlertidig adgangskode').fill(visitor.password);
    await page.getByRole('button', { name: 'Opret medarbejder' }).click();

    await expect(page).toHaveURL(/\/admin\/medarbejdere\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1, name: visitor.name })).toBeVisible();
    await expect(page.getByText(`Medarbejderen ${visitor.name} er oprettet.`)).toBeVisible();
    await expect(page.getByText('Ikke tilknyttet nogen enhed')).toBeVisible();

    // Add the membership (start date defaults to today).
    await page.getByLabel('Enhed', { exact: true }).selectOption({ label: `${unitName} (Sundhedspleje)` });
    await page.getByRole('button', { name: 'Tilknyt', exact: true }).click();
    await expect(page.getByText(`${visitor.name} er tilknyttet ${unitName}.`)).toBeVisible();
    const membershipRow = page.getByRole('row', { name: new RegExp(unitName) });
    await expect(membershipRow).toContainText('Løbende');
    await expect(membershipRow).toContainText('Aktiv');

    await signOut(page, { checkMessage: true });
  });

  test('the new health visitor signs in and sees the unit on Min dag', async ({ page }) => {
    await signIn(page, visitor.username, visitor.password, formOnly);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Birthe');
    const units = page.getByRole('region', { name: 'Mine enheder', exact: true });
    await expect(units.getByText(unitName)).toBeVisible();
    await expect(units).toContainText('Sundhedspleje');
    await expect(page.getByText('Ingen besøg i dag')).toBeVisible();
    // A health visitor's menu: their day, children, the unit overview, sparring, meetings, offers and
    // notifying (underretning); no administrator screens.
    const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
    await expect(nav.getByRole('link')).toHaveText(['Min dag', 'Børn', 'Enhedsoverblik', 'Sparring', 'Møder', 'Tilbud', 'Underretning']);
    for (const adminOnly of ['Organisation', 'Medarbejdere', 'Adgangslog', 'Indstillinger']) {
      await expect(nav.getByRole('link', { name: adminOnly })).toHaveCount(0);
    }
    await expect(page.getByRole('link', { name: 'API' })).toHaveCount(0);
    await signOut(page, { checkMessage: true });
  });

  test('a wrong password is refused with a clear message', async ({ page }) => {
    await signIn(page, visitor.username, 'ikke-den-rigtige-adgangskode', formOnly);
    const alert = page.getByRole('alert').filter({ hasText: 'Du blev ikke logget ind' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Forkert brugernavn eller adgangskode');
    await expect(page).toHaveURL(/\/log-ind/);
    await expect(page.getByLabel('Adgangskode', { exact: true })).toHaveValue('');
  });

  test.describe('accessibility', () => {
    // Spire's CSP (script-src 'self') forbids inline scripts; let the test inject axe-core.
    test.use({ bypassCSP: true });

    test('axe finds no serious or critical WCAG 2.1 A/AA violations', async ({ page }) => {
      const found: Record<string, unknown[]> = {};
      const check = async (label: string) => {
        const serious = await seriousAxeViolations(page, label);
        if (serious.length > 0) found[label] = serious.map((v) => v.id);
      };

      await page.goto('/log-ind');
      await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
      await check('Log ind');
      // The sign-in page with its error summary showing.
      await page.getByRole('button', { name: 'Log ind' }).click();
      await expect(page.getByText('Der er problemer')).toBeVisible();
      await check('Log ind med fejl');

      await signIn(page, 'admin', DEMO_PASSWORD, formOnly);
      await expect(page.getByText('Overblik for administratorer')).toBeVisible();
      await check('Min dag');

      await page.goto('/admin/organisation');
      await expect(page.getByRole('table')).toBeVisible();
      await check('Organisation');

      await page.goto('/admin/medarbejdere');
      await expect(page.getByRole('table')).toBeVisible();
      await check('Medarbejdere');

      await page.getByRole('link', { name: visitor.name }).click();
      await expect(page.getByRole('heading', { level: 1, name: visitor.name })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Tilknytninger til enheder', exact: true })).toBeVisible();
      await check('Medarbejder');

      await page.goto('/admin/adgangslog');
      await expect(page.getByRole('table')).toBeVisible();
      await check('Adgangslog');

      expect(found).toEqual({});
    });
  });
});
