/**
 * Browser journey for underretninger (Barnets Lov § 133), in Danish:
 *   1. `sundhed` (health visitor) notifies about expectant parents not yet registered, with the
 *      ground "unborn child" (no child CPR needed); the sender is shown as herself and her unit;
 *   2. `myndighed` (Børn og Familie) opens the inbox and finds it with the correct receipt
 *      deadline: 6 working days after today's Copenhagen date (computed here with the domain's
 *      addWorkingDays), opens it and records the receipt;
 *   3. `sundhed` sees the receipt on "Mine underretninger";
 *   4. axe-core finds nothing serious or critical on the form, the inbox and the detail page.
 * The server is started with demo data by playwright.config.ts.
 */
import { expect, test } from '@playwright/test';
import { addWorkingDays } from '../src/domain';
import { seriousAxeViolations } from './axe';
import { shot, signIn, signOut } from './session';

const suffix = Date.now().toString(36).slice(-5);
const parentName = `Vera Vordende ${suffix}`;
const label = `Vordende forælder: ${parentName}`;

function danishToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

/** 'YYYY-MM-DD' → 'DD.MM.YYYY' as the Danish UI shows dates. */
const danishDate = (iso: string) => iso.split('-').reverse().join('.');

// axe-core is injected as a script tag, which the app's CSP (script-src 'self') would block.
test.use({ bypassCSP: true });

test.describe.serial('notifications (underretninger)', () => {
  test('a health visitor notifies about expectant parents (unborn child, no CPR)', async ({ page }) => {
    await signIn(page, 'sundhed');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Underretning' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mine underretninger' })).toBeVisible();
    await page.getByRole('link', { name: 'Ny underretning' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Underret kommunen' })).toBeVisible();

    // Sending without observations or the parents' answer: the error summary.
    await page.getByRole('button', { name: 'Send underretning' }).click();
    await expect(page.getByRole('link', { name: 'Indtast den vordende forælders navn.' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Beskriv, hvad du har observeret.' })).toBeVisible();

    await page.getByLabel('Navn', { exact: true }).fill(parentName);
    await page.getByLabel('Adresse (frivilligt)').fill('Havnegade 7, 9000 Spireby');
    const grounds = page.getByRole('group', { name: /Grund til underretningen/ });
    await expect(
      grounds.getByLabel('Barnet kan få behov for særlig støtte umiddelbart efter fødslen på grund af de vordende forældres forhold'),
    ).toBeChecked();
    await page.getByLabel('Hvad har du set og hørt?').fill('Den gravide fortæller om misbrug og vold i hjemmet og har ikke været hos jordemoder.');
    await page.getByRole('group', { name: /Har du talt med forældrene/ }).getByLabel('Nej').check();
    await page.getByRole('group', { name: 'Hvorfor ikke?' }).getByLabel('Det kan bringe barnet i fare').check();
    // The sender: herself and her workplace, never anonymous.
    const form = page.locator('form.spire-notification-form');
    await expect(form.getByText('Sofie Sundhedsplejerske', { exact: true })).toBeVisible();
    await expect(form.getByText('Sundhedsplejen Nord', { exact: true })).toBeVisible();
    await shot(page, 'notification-form');
    expect(await seriousAxeViolations(page, 'Notification form')).toEqual([]);

    await page.getByRole('button', { name: 'Send underretning' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mine underretninger' })).toBeVisible();
    await expect(page.getByText('Underretningen er sendt til Børn og Familie (myndighed).')).toBeVisible();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(parentName) }) });
    await expect(row).toContainText('Afventer kvittering');
    await shot(page, 'notification-mine');
    await signOut(page);
  });

  test('social services see it in the inbox with the receipt deadline, and record the receipt', async ({ page }) => {
    const due = danishDate(addWorkingDays(danishToday(), 6));
    await signIn(page, 'myndighed');
    await expect(page.getByRole('heading', { level: 2, name: 'Underretninger' })).toBeVisible();
    await shot(page, 'notification-my-day');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Underretninger (indbakke)' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Underretninger – indbakke' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Underretninger, nærmeste frist først' });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label }) });
    await expect(row).toContainText(due);
    await expect(row).toContainText('Ufødt barn');
    await expect(row).toContainText('Sofie Sundhedsplejerske');
    // The demo's overdue notification is flagged in words.
    await expect(table.getByText('Overskredet').first()).toBeVisible();
    await shot(page, 'notification-inbox');
    expect(await seriousAxeViolations(page, 'Inbox')).toEqual([]);

    await row.getByRole('link', { name: label }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Underretning: ${label}` })).toBeVisible();
    await expect(page.getByTestId('receipt-due')).toContainText(due);
    expect(await seriousAxeViolations(page, 'Notification detail')).toEqual([]);
    await page.getByRole('button', { name: 'Registrér kvittering' }).click();
    await expect(page.getByText('Kvitteringen er registreret.')).toBeVisible();
    await expect(page.getByText(`Kvitteret ${danishDate(danishToday())} af Maria Myndighed.`)).toBeVisible();
    await shot(page, 'notification-detail');
    await signOut(page);
  });

  test('the health visitor sees the receipt', async ({ page }) => {
    await signIn(page, 'sundhed');
    await page.goto('/underretninger');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(parentName) }) });
    await expect(row).toContainText(`Kvitteret ${danishDate(danishToday())}`);

    // "Underret" from a child's page opens the form for that child.
    await page.goto('/boern');
    await page.getByRole('table').getByRole('rowheader').first().getByRole('link').click();
    const childHeading = (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
    await page.getByRole('link', { name: 'Underret', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Underret kommunen' })).toBeVisible();
    await expect(page.getByText(`Barnet: ${childHeading}`)).toBeVisible();
    await shot(page, 'notification-form-child');
  });
});
