/**
 * Browser journey for åben rådgivning and workshops, in Danish:
 *   1. `ppr` opens today's drop-in slot from Min dag (the demo has one at 13–15), records two
 *      anonymous visits (age band and topic only) and one visit linked to a family with the
 *      mother's consent, after finding the child by name and birth date;
 *   2. records a workshop ("Børn i udsatte positioner – den tidlige indsats") for a nursery;
 *   3. the unit overview shows the counts, and they have grown by what was recorded;
 *   4. axe-core finds nothing serious or critical on the slot page, the workshops page and the
 *      unit overview. Screenshots go to test-results/counselling-*.png.
 * The server is started with demo data by playwright.config.ts.
 */
import { expect, type Page, test } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { DEMO_PASSWORD, signIn } from './session';

interface Summary {
  dropIn: { visits: number; anonymous: number; linked: number };
  workshops: { held: number; participants: number };
}

const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/counselling-tag/counselling-${name}.png`, fullPage: true });

// axe-core is injected as a script tag, which the app's CSP (script-src 'self') would block.
test.use({ bypassCSP: true });

test.describe.serial('open counselling and workshops', () => {
  let child = { firstName: '', lastName: '', birthDate: '' };

  test('a child of the demo registry to link a visit to (looked up as the health visitor)', async ({ playwright, baseURL }) => {
    const asHealthVisitor = await playwright.request.newContext({ baseURL });
    expect((await asHealthVisitor.post('/api/auth/login', { data: { username: 'sundhed', password: DEMO_PASSWORD } })).status()).toBe(200);
    const list = (await (await asHealthVisitor.get('/api/children?limit=50')).json()) as {
      items: { status: string; firstName: string | null; lastName: string | null; birthDate: string | null }[];
    };
    const found = list.items.find((c) => c.status === 'born' && c.firstName && c.lastName && c.birthDate);
    expect(found).toBeTruthy();
    child = { firstName: found?.firstName ?? '', lastName: found?.lastName ?? '', birthDate: found?.birthDate ?? '' };
    await asHealthVisitor.dispose();
  });

  test('ppr records two anonymous visits, a visit with a family and a workshop; the unit overview counts them', async ({ page }) => {
    await signIn(page, 'ppr');
    const me = (await (await page.request.get('/api/auth/me')).json()) as { user: { units: { id: string; name: string }[] } };
    const unitId = me.user.units.find((u) => u.name === 'PPR Spireby')?.id ?? '';
    const summary = async () => (await (await page.request.get(`/api/units/${unitId}/counselling-summary`)).json()) as Summary;
    const before = await summary();

    // Min dag: today's drop-in slot.
    const today = page.getByRole('region', { name: 'Åben rådgivning i dag', exact: true });
    await expect(today).toBeVisible();
    await shot(page, 'my-day');
    await today.getByRole('link', { name: /Åbn tiden/ }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: /^Åben rådgivning \d/ })).toBeVisible();
    expect(await seriousAxeViolations(page, 'Slot page')).toEqual([]);

    // Two anonymous visits: an age band and a topic, nothing else.
    const anonymous = page.getByRole('region', { name: 'Anonymt besøg', exact: true });
    await anonymous.getByLabel('Barnets alder').selectOption('0-1');
    await anonymous.getByLabel('Emne').selectOption('sleep');
    await anonymous.getByRole('button', { name: 'Registrér anonymt besøg' }).click();
    await expect(page.getByText('Det anonyme besøg er registreret.')).toBeVisible();
    await anonymous.getByLabel('Emne').selectOption('crying');
    await anonymous.getByRole('button', { name: 'Registrér anonymt besøg' }).click();
    await expect(page.getByText(/Besøg: 2 \(anonyme: 2, med familie: 0\)/)).toBeVisible();
    await expect(page.getByRole('table', { name: 'Anonyme besøg' }).getByRole('row')).toHaveCount(3);

    // A visit with a family: find the child, then the mother's consent.
    const family = page.getByRole('region', { name: 'Besøg med familie', exact: true });
    await family.getByRole('button', { name: 'Registrér besøg med familie' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Der er problemer' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Find barnet, og vælg det' })).toBeVisible();
    await family.getByLabel('Fornavn').fill(child.firstName);
    await family.getByLabel('Efternavn').fill(child.lastName);
    await family.getByLabel('Fødselsdato').fill(child.birthDate);
    await family.getByRole('button', { name: 'Søg', exact: true }).click();
    const chooser = family.getByRole('group', { name: 'Vælg barnet' });
    await expect(chooser).toBeVisible();
    await expect(chooser.getByRole('radio').first()).toBeChecked();
    await family.getByRole('group', { name: 'Hvem gav samtykke?' }).getByLabel('Mor', { exact: true }).check();
    await family.getByLabel('Navn på forælderen').fill('Mette Mor');
    await family.getByRole('group', { name: 'Hvordan blev samtykket givet?' }).getByLabel('Mundtligt').check();
    await family.getByLabel('Kort notat (frivilligt)').fill('Mor spørger til søvn. Ringer igen om tre uger.');
    await shot(page, 'slot-family-form');
    await family.getByRole('button', { name: 'Registrér besøg med familie' }).click();
    await expect(page.getByText('Besøget er registreret.')).toBeVisible();
    await expect(page.getByText(/Besøg: 3 \(anonyme: 2, med familie: 1\)/)).toBeVisible();
    await expect(page.getByRole('table', { name: 'Besøg med familie' })).toContainText(`${child.firstName} ${child.lastName}`);
    await shot(page, 'slot');

    // A workshop for a nursery.
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Workshops og oplæg' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Workshops og oplæg' })).toBeVisible();
    const create = page.getByRole('region', { name: 'Registrér workshop eller oplæg', exact: true });
    await create.getByLabel('Tilbud').selectOption({ label: 'Workshop: Børn i udsatte positioner – den tidlige indsats' });
    await create.getByLabel('Tema').selectOption('early_intervention');
    await create.getByLabel('Afholdt i eller for enheden').selectOption({ label: 'Vuggestuen Mariehønen' });
    await create.getByLabel('Antal deltagere').fill('-2');
    await create.getByLabel('Per PPR-psykolog').check();
    await create.getByRole('button', { name: 'Registrér' }).click();
    await expect(page.getByRole('link', { name: 'Indtast antal deltagere som et helt tal fra 0' })).toBeVisible();
    await create.getByLabel('Antal deltagere').fill('12');
    await create.getByRole('button', { name: 'Registrér' }).click();
    await expect(page.getByText('Workshoppen er registreret.')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Workshops og oplæg' })).toContainText('Vuggestuen Mariehønen');
    expect(await seriousAxeViolations(page, 'Workshops')).toEqual([]);
    await shot(page, 'workshops');

    // The unit overview counts what was recorded.
    const after = await summary();
    expect(after.dropIn.anonymous - before.dropIn.anonymous).toBe(2);
    expect(after.dropIn.linked - before.dropIn.linked).toBe(1);
    expect(after.workshops.held - before.workshops.held).toBe(1);
    expect(after.workshops.participants - before.workshops.participants).toBe(12);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Enhedsoverblik' }).click();
    const section = page.getByRole('region', { name: 'Åben rådgivning og workshops', exact: true });
    await expect(section).toBeVisible();
    await expect(section.getByTestId('counselling-dropin-summary')).toContainText(`${after.dropIn.visits} besøg`);
    await expect(section).toContainText(`${after.workshops.held} afholdt med ${after.workshops.participants} deltagere i alt.`);
    await expect(section.getByRole('table', { name: 'Workshops og oplæg pr. tema' })).toContainText('Børn i udsatte positioner – den tidlige indsats');
    await expect(section).not.toContainText(child.lastName);
    expect(await seriousAxeViolations(page, 'Unit overview')).toEqual([]);
    await shot(page, 'unit-overview');
  });
});
