/**
 * Browser journey for the children's registry and the health-visitor programme, in Danish:
 *   1. a health visitor registers a pregnancy with an expectant mother, registers the birth with
 *      the child's CPR number, sees the programme with the establishing visit (also on Min dag),
 *      records the visit as done with a journal note and a weight, and finds both on the child's page;
 *   2. the pedagogue cannot see a child that is not enrolled in their unit, and sees no health
 *      information about a child that is;
 *   3. axe-core (WCAG 2.1 A/AA) finds nothing serious or critical on Børn, the registration form,
 *      the child's page (health visitor and pedagogue), Min dag and the week calendar.
 * The server is started with demo data by playwright.config.ts.
 */
import { expect, test } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { signIn, signOut } from './session';

const suffix = Date.now().toString(36).slice(-5);
const familyName = `Testesen${suffix}`;
const childFirstName = 'Asta';
const noteText = `Etableringsbesøg ${suffix}: mor og barn trives, amning i gang. Talt om søvn.`;

/** Today in Denmark plus `days`, as `YYYY-MM-DD`. */
function danishDate(days = 0): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}
/** `2026-11-17` → `17.11.2026`. */
const dk = (iso: string) => iso.split('-').reverse().join('.');
const random3 = () => String(Math.floor(Math.random() * 1000)).padStart(3, '0');
/** A CPR number for a birth date: 7th digit 4 (2000s for years 00–36) or 2 (1900s). */
function cprFor(iso: string, seventh: '2' | '4'): string {
  const [y, m, d] = iso.split('-');
  return `${d}${m}${y.slice(2)}-${seventh}${random3()}`;
}

const expectedDate = danishDate(60);
const birthDate = danishDate(-5);
const childCpr = cprFor(birthDate, '4');
const motherCpr = cprFor('1991-03-15', '2');
let childUrl = '';

test.describe.serial('children and the health-visitor programme', () => {
  test('a health visitor registers a pregnancy, the birth and the establishing visit', async ({ page }) => {
    await signIn(page, 'sundhed');
    const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
    await nav.getByRole('link', { name: 'Børn' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Børn' })).toBeVisible();

    // Register the pregnancy; an empty submit first shows the error summary with specific messages.
    await page.getByRole('link', { name: 'Registrér graviditet' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Registrér graviditet' })).toBeVisible();
    await page.getByRole('button', { name: 'Registrér graviditet' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await expect(summary.getByRole('link', { name: 'Indtast terminsdatoen' })).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Indtast fornavn på vordende forælder 1' })).toBeVisible();
    await summary.getByRole('link', { name: 'Indtast terminsdatoen' }).click();
    await expect(page.getByLabel('Terminsdato')).toBeFocused();

    await page.getByLabel('Terminsdato').fill(expectedDate);
    await page.getByRole('textbox', { name: /^Adresse/ }).fill('Kastanievej 4');
    await page.getByRole('textbox', { name: /^Postnummer/ }).fill('9000');
    await page.getByRole('textbox', { name: /^By/ }).fill('Spireby');
    await expect(page.getByRole('combobox', { name: 'Sundhedspleje', exact: true })).toHaveValue(/.+/);
    const mother = page.getByRole('group', { name: 'Vordende forælder 1' });
    await mother.getByLabel('Fornavn').fill('Mette');
    await mother.getByLabel('Efternavn').fill(familyName);
    await mother.getByLabel('CPR-nummer').fill(motherCpr);
    await expect(mother.getByLabel('Relation til barnet')).toHaveValue('mother');
    await mother.getByLabel('Telefon').fill('20 30 40 50');
    await page.getByRole('button', { name: 'Registrér graviditet' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Forventet barn (termin ${dk(expectedDate)}) – ${familyName}`);
    await expect(page.getByText(`Graviditeten med termin ${dk(expectedDate)} er registreret.`)).toBeVisible();
    childUrl = new URL(page.url()).pathname;
    expect(childUrl).toMatch(/^\/boern\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('region', { name: 'Besøgsprogram', exact: true }).getByRole('row', { name: /Graviditetsbesøg/ })).toBeVisible();
    await page.getByRole('link', { name: 'Forældre og husstand' }).click();
    await expect(page.getByRole('article', { name: new RegExp(`Mette ${familyName}`) })).toContainText('Forældremyndighed');

    // Register the birth with the child's CPR number: the date of birth is filled in from it.
    await page.getByRole('link', { name: 'Registrér fødsel' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Registrér fødsel' })).toBeVisible();
    await page.getByLabel('Fornavn').fill(childFirstName);
    await expect(page.getByLabel('Efternavn')).toHaveValue(familyName);
    await page.getByLabel('CPR-nummer').fill(childCpr);
    await expect(page.getByLabel('Fødselsdato')).toHaveValue(birthDate);
    await page.getByRole('button', { name: 'Registrér fødsel' }).click();

    await expect(page.getByRole('heading', { level: 1, name: `${childFirstName} ${familyName}` })).toBeVisible();
    await expect(page.getByText('Fødslen er registreret.')).toBeVisible();
    expect(page.url()).not.toContain(childCpr.replace('-', ''));
    await expect(page).toHaveTitle(`${childFirstName} ${familyName} – Spire`);
    // The CPR number is masked until "Vis CPR-nummer", which says that it is logged.
    await expect(page.getByText(`${childCpr.slice(0, 6)}-XXXX`).first()).toBeVisible();
    await page.getByRole('button', { name: 'Vis CPR-nummer' }).first().click();
    await expect(page.getByText(childCpr).first()).toBeVisible();
    await expect(page.getByText('Visningen er registreret i adgangsloggen.').first()).toBeVisible();
    await page.getByRole('button', { name: 'Skjul' }).first().click();

    // The programme now counts from the birth: the establishing visit is due.
    const programme = page.getByRole('region', { name: 'Besøgsprogram', exact: true });
    const establishing = programme.getByRole('row', { name: /Etableringsbesøg \(første uge\)/ });
    await expect(establishing).toContainText('Skal laves nu');

    // Min dag lists the contact for the caseload; one click leads back to the child.
    await nav.getByRole('link', { name: 'Min dag' }).click();
    const dueGroup = page.getByRole('region', { name: /^Skal laves nu/ });
    await expect(dueGroup).toBeVisible();
    const showAll = dueGroup.getByRole('button', { name: /^Vis alle/ });
    if ((await showAll.count()) > 0) await showAll.click();
    const dueRow = dueGroup.getByRole('row', { name: new RegExp(`${childFirstName} ${familyName}.*Etableringsbesøg`) });
    await expect(dueRow).toBeVisible();
    await dueRow.getByRole('link', { name: `${childFirstName} ${familyName}`, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${childFirstName} ${familyName}` })).toBeVisible();

    // Search by CPR number (through POST): the child is found and the number is never in the address.
    await nav.getByRole('link', { name: 'Børn' }).click();
    await page.getByLabel('Søg', { exact: true }).fill(childCpr);
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    await expect(page.getByRole('link', { name: `${childFirstName} ${familyName}` })).toBeVisible();
    expect(page.url()).not.toMatch(/\d{6}/);
    await page.getByRole('link', { name: `${childFirstName} ${familyName}` }).click();

    // Record the establishing visit as done, with a note and a weight (Danish thousands separator).
    await page.getByRole('link', { name: 'Registrér besøg' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Registrér besøg' })).toBeVisible();
    await page.getByLabel('Kontakt i besøgsprogrammet').selectOption('establishing');
    await expect(page.getByRole('radio', { name: 'Hjemmebesøg', exact: true })).toBeChecked();
    await page.getByRole('textbox', { name: /^Notat/ }).fill(noteText);
    await page.getByLabel('Vægt').fill('3.650');
    await page.getByLabel('Længde').fill('51,5');
    await page.getByRole('button', { name: 'Gem besøget' }).click();

    await expect(page.getByRole('heading', { level: 1, name: `${childFirstName} ${familyName}` })).toBeVisible();
    await expect(page.getByText(/Besøget .* er registreret som gennemført\. Gemt med notat og målinger\./)).toBeVisible();
    await expect(programme.getByRole('row', { name: /Etableringsbesøg \(første uge\)/ })).toContainText('Gennemført');
    const visitRow = page.getByRole('region', { name: 'Besøg', exact: true }).getByRole('row').filter({ hasText: 'Hjemmebesøg' });
    await expect(visitRow).toContainText('Gennemført');
    await expect(visitRow).toContainText(noteText);
    await expect(visitRow).toContainText('Vægt 3.650 g');

    // The journal has the signed note and the measurement.
    await page.getByRole('link', { name: 'Journal og målinger' }).click();
    const note = page.getByRole('region', { name: 'Journalnotater', exact: true }).getByRole('article');
    await expect(note).toContainText(noteText);
    await expect(note).toContainText('Underskrevet af Sofie Sundhedsplejerske');
    await expect(page.getByRole('region', { name: 'Målinger', exact: true }).getByRole('row').nth(1)).toContainText('3.650 g');
    await expect(page.getByRole('region', { name: 'Målinger', exact: true }).getByRole('row').nth(1)).toContainText('51,5 cm');

    // A correction keeps the earlier text.
    await note.getByRole('button', { name: /Ret notat/ }).click();
    await note.getByLabel('Rettet tekst').fill(`${noteText} Vejet igen: stabil.`);
    await note.getByRole('button', { name: 'Gem rettelse' }).click();
    const corrected = note;
    await expect(corrected).toContainText('Vejet igen: stabil.');
    await expect(corrected).toContainText('Rettet');
    await corrected.getByText('Tidligere udgave (1)').click();
    await expect(corrected.locator('details')).toContainText(noteText);

    await signOut(page);
  });

  test('the pedagogue sees only children enrolled in their unit, and no health information', async ({ page }) => {
    expect(childUrl).not.toBe('');
    await signIn(page, 'paedagog');
    const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
    await expect(nav.getByRole('link', { name: 'Børn' })).toBeVisible();

    // The new child is on the health visitor's caseload, not enrolled in the nursery: not visible.
    await page.goto(childUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Barnet findes ikke, eller du har ikke adgang' })).toBeVisible();
    await expect(page.getByText(noteText)).toHaveCount(0);
    await nav.getByRole('link', { name: 'Børn' }).click();
    await page.getByLabel('Søg', { exact: true }).fill(familyName);
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    await expect(page.getByText('Ingen børn matcher søgningen')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Registrér barn' })).toHaveCount(0);

    // A child enrolled in the nursery: basic data only, no health tabs.
    await page.getByRole('button', { name: 'Ryd søgning' }).click();
    const firstChild = page.getByRole('table').getByRole('link').first();
    await expect(firstChild).toBeVisible();
    await firstChild.click();
    await expect(page.getByRole('navigation', { name: 'Barnets oplysninger' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Stamdata' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Sundhedspleje', exact: true })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Journal og målinger' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Vis CPR-nummer' })).toHaveCount(0);
    await expect(page.getByText(/XXXX/).first()).toBeVisible();
    await signOut(page);
  });

  test.describe('accessibility', () => {
    // Spire's CSP (script-src 'self') forbids inline scripts; let the test inject axe-core.
    test.use({ bypassCSP: true });

    test('axe finds no serious or critical WCAG 2.1 A/AA violations on the children screens', async ({ page }) => {
      const found: Record<string, unknown[]> = {};
      const check = async (label: string) => {
        const serious = await seriousAxeViolations(page, label);
        if (serious.length > 0) found[label] = serious.map((v) => v.id);
      };

      await signIn(page, 'sundhed');
      await expect(page.getByRole('heading', { name: /Kontakter i dine sager/ })).toBeVisible();
      await check('Min dag (sundhedsplejerske)');

      await page.getByRole('link', { name: 'Ugekalender' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Ugekalender' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await check('Ugekalender');

      await page.goto('/boern');
      await expect(page.getByRole('table')).toBeVisible();
      await check('Børn');

      await page.goto('/boern/ny');
      await page.getByRole('button', { name: 'Registrér barn' }).click();
      await expect(page.getByText('Der er problemer')).toBeVisible();
      await check('Registrér barn med fejl');

      await page.goto(childUrl);
      await expect(page.getByRole('heading', { level: 2, name: 'Besøgsprogram' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Besøg', exact: true }).getByRole('table')).toBeVisible();
      await check('Barnets side: Sundhedspleje');
      await page.getByRole('link', { name: 'Journal og målinger' }).click();
      await expect(page.getByRole('heading', { level: 2, name: 'Journalnotater' })).toBeVisible();
      await check('Barnets side: Journal og målinger');
      await page.getByRole('link', { name: 'Forældre og husstand' }).click();
      await expect(page.getByRole('heading', { level: 2, name: 'Forældre og andre voksne' })).toBeVisible();
      await check('Barnets side: Forældre og husstand');
      await page.getByRole('link', { name: 'Stamdata' }).click();
      await expect(page.getByRole('heading', { level: 2, name: 'Ansvarlig sundhedspleje' })).toBeVisible();
      await check('Barnets side: Stamdata');
      await page.goto(`${childUrl}/besoeg/nyt`);
      await expect(page.getByRole('heading', { level: 1, name: 'Registrér besøg' })).toBeVisible();
      await check('Registrér besøg');
      await signOut(page);

      await signIn(page, 'paedagog');
      await page.goto('/boern');
      await page.getByRole('table').getByRole('link').first().click();
      await expect(page.getByRole('heading', { level: 2, name: 'Stamdata' })).toBeVisible();
      await check('Barnets side (pædagog)');

      expect(found).toEqual({});
    });
  });
});
