/**
 * Browser journey for cross-professional meetings (issue 5), in Danish:
 *   0. the pedagogue `paedagog` records a yellow concern about a child and asks for sparring;
 *   1. the district social worker `social` takes the request, follows "Indkald til tværfagligt
 *      møde" and sets up a meeting with the parents' consent: `paedagog` (chosen by unit), `sundhed`
 *      and both parents; the meeting shows on the child's "Møder" tab and in "Møder";
 *   2. fills in the Signs of Safety map (a danger statement without a goal is refused first, rule
 *      G1), the ratings 0–10, and assigns a next step to the pedagogue;
 *   3. the demo follow-up meeting shows the ratings over time as a chart with a table; the parents'
 *      summary opens on its print page;
 *   4. `paedagog` sees the next step on "Min dag" under "Mine handlinger", overdue ones marked in words;
 *   5. the social worker approves the minutes and closes the meeting ("Afslut møde", confirmed in
 *      a modal; "Fjern" on a participant asks first); the page shows "Afsluttet" and no edit controls;
 *   6. axe-core finds nothing serious or critical on the screens.
 * The server is started with demo data by playwright.config.ts.
 */
import { expect, test } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { DEMO_PASSWORD, shot, signIn, signOut } from './session';

const suffix = Date.now().toString(36).slice(-5);
const nextStep = `Tal med forældrene om sovetider ${suffix}`;
const question = `Hvordan hjælper vi barnet, der kommer træt og sulten? (${suffix})`;

function danishToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
const shots = process.env.SPIRE_E2E_SHOTS;

// axe-core is injected as a script tag, which the app's CSP (script-src 'self') would block.
test.use({ bypassCSP: true });

test.describe.serial('cross-professional meetings', () => {
  let meetingUrl = '';
  let childId = '';

  test('a pedagogue records a yellow concern and asks for sparring about the child', async ({ page, playwright, baseURL }) => {
    // A child of the nursery with two custody holders and no concerns yet.
    const api = await playwright.request.newContext({ baseURL });
    expect((await api.post('/api/auth/login', { data: { username: 'paedagog', password: DEMO_PASSWORD } })).status()).toBe(200);
    const children = (await (await api.get('/api/children')).json()) as { items: { id: string }[] };
    for (const item of children.items) {
      const concerns = (await (await api.get(`/api/children/${item.id}/concerns`)).json()) as { items: unknown[]; canCreate: boolean };
      if (!concerns.canCreate || concerns.items.length > 0) continue;
      const detail = (await (await api.get(`/api/children/${item.id}`)).json()) as { relations: { custody: boolean }[] };
      if (detail.relations.filter((r) => r.custody).length === 2) {
        childId = item.id;
        break;
      }
    }
    await api.dispose();
    expect(childId).not.toBe('');

    await signIn(page, 'paedagog');
    await page.goto(`/boern/${childId}`);
    await page.getByRole('link', { name: 'Bekymringer' }).click();
    await page.getByRole('button', { name: 'Registrér bekymring' }).click();
    await page.getByRole('group', { name: 'Bekymringsniveau' }).getByLabel('Gul – i risiko / opmærksomhed').check();
    await page.getByLabel('Hvad har I observeret?').fill(`Kommer ofte træt og uden morgenmad (${suffix}).`);
    await page.getByLabel('Siden hvornår?').fill(danishToday());
    await page.getByRole('group', { name: 'Er forældrene orienteret?' }).getByLabel('Ja').check();
    await page.getByLabel('Hvordan er forældrene orienteret?').fill('Samtale med mor ved afhentning');
    await page.getByRole('button', { name: 'Gem bekymring' }).click();
    await expect(page.getByText('Bekymringen er registreret.')).toBeVisible();

    await page.getByRole('button', { name: 'Bed om sparring' }).click();
    await page.getByLabel('Om det navngivne barn – med forældrenes samtykke').check();
    await page.getByLabel('Hvad ønsker I sparring om?').fill(question);
    await page.getByLabel('Hvem gav samtykke?').fill('Mor');
    await page.getByLabel('Hvornår?').fill(danishToday());
    await page.getByLabel('Hvordan blev samtykket givet?').fill('Mundtligt ved afhentning');
    await page.getByRole('button', { name: 'Send anmodning' }).click();
    await expect(page.getByText('Anmodningen er sendt til den socialfaglige medarbejder.')).toBeVisible();
    await signOut(page);
  });

  test('the social worker takes the request and sets up a meeting with the pedagogue, the health visitor and both parents', async ({ page }) => {
    await signIn(page, 'social');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Sparring' }).click();
    const queue = page.getByRole('table', { name: 'Anmodninger, der venter – længst ventetid først' });
    await queue.getByRole('row').filter({ hasText: question }).getByRole('link', { name: 'Åbn' }).click();
    await page.getByRole('button', { name: 'Tag anmodningen' }).click();
    await expect(page.getByText('Du har taget anmodningen.')).toBeVisible();
    await page.getByRole('link', { name: 'Indkald til tværfagligt møde' }).click();

    await expect(page).toHaveURL(new RegExp(`/moeder/ny\\?sparring=.+&barn=${childId}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Nyt møde' })).toBeVisible();
    await expect(page.getByText('Mødet oprettes på baggrund af en sparringsanmodning.')).toBeVisible();
    await page.getByLabel('Sted', { exact: true }).fill('Vuggestuen Mariehønen, mødelokalet');
    await page.getByLabel(/^Starttidspunkt/).fill('13:00');
    await expect(page.getByLabel('Forældrenes samtykke')).toBeChecked();
    await page.getByLabel('Enhed', { exact: true }).selectOption({ label: 'Vuggestuen Mariehønen' });
    await page.getByLabel(/^Peter Pædagog – Pædagog/).check();
    await page.getByLabel('Enhed', { exact: true }).selectOption({ label: 'Sundhedsplejen Nord' });
    await page.getByLabel('Faggruppe', { exact: true }).selectOption({ label: 'Sundhedsplejerske' });
    await page.getByLabel(/^Sofie Sundhedsplejerske – Sundhedsplejerske/).check();
    const parents = page.getByRole('group', { name: 'Forældre' }).getByRole('checkbox');
    await expect(parents).toHaveCount(2);
    for (const box of await parents.all()) await expect(box).toBeChecked();
    await shot(page, 'meeting-create');
    expect(await seriousAxeViolations(page, 'Nyt møde')).toEqual([]);
    await page.getByRole('button', { name: 'Opret møde' }).click();

    await expect(page.getByRole('heading', { level: 1, name: /^Møde om / })).toBeVisible();
    meetingUrl = page.url();
    const participants = page.getByRole('table', { name: 'Mødets deltagere' });
    await expect(participants.getByRole('rowheader')).toHaveCount(5);
    await expect(participants).toContainText('Peter Pædagog');
    await expect(participants).toContainText('Sofie Sundhedsplejerske');

    // The meeting is on the child's page, tab "Møder", and in "Møder".
    await page.getByRole('link', { name: 'Gå til barnets side' }).click();
    await page.locator('nav.spire-tabs').getByRole('link', { name: 'Møder', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Møder om barnet' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Møder om barnet' }).getByRole('row')).toHaveCount(2);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Møder' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Møder' })).toBeVisible();
    await shot(page, 'meetings-list');
    expect(await seriousAxeViolations(page, 'Møder')).toEqual([]);
  });

  test('fills in the map, the ratings and a next step for the pedagogue', async ({ page }) => {
    await signIn(page, 'social');
    await page.goto(meetingUrl);
    await expect(page.getByRole('heading', { level: 1, name: /^Møde om / })).toBeVisible();

    // Rule G1: a danger statement needs its goal.
    await page.getByRole('button', { name: 'Tilføj bekymringsudsagn med mål' }).click();
    await page.getByLabel('Bekymringsudsagn 1').fill('Vuggestuen er bekymret for, at barnet ofte kommer træt og uden morgenmad.');
    await page.getByRole('button', { name: 'Gem kortlægningen' }).click();
    await expect(page.locator('.form-error-message').filter({ hasText: 'Hvert bekymringsudsagn skal have præcis ét mål' }).first()).toBeVisible();
    await page.getByLabel('Sikkerhedsmål 1').fill('Barnet møder udhvilet og har spist morgenmad hver dag i tre måneder.');
    await page.getByRole('button', { name: /^Tilføj punkt\s*: Ressourcer/ }).click();
    await page.getByLabel('Ressourcer, punkt 1').fill('Forældrene kommer til alle aftaler.');
    await page.getByLabel("Barnets perspektiv").fill('Barnet siger, at det er rart at sove hos mormor.');
    await page.getByRole('button', { name: 'Gem kortlægningen' }).click();
    await expect(page.getByText('Kortlægningen er gemt.')).toBeVisible();

    // Ratings 0–10, one per participant.
    for (const [name, value] of [
      ['Sara Socialfaglig', '4'],
      ['Peter Pædagog', '3'],
      ['Sofie Sundhedsplejerske', '5'],
    ] as const) {
      await page.getByLabel(`Skalering for ${name}`).selectOption(value);
      await expect(page.getByText(`Skaleringen for ${name} er gemt.`)).toBeVisible();
    }

    // A next step for the pedagogue.
    await page.getByLabel('Hvad skal der ske?', { exact: true }).fill(nextStep);
    await page.getByLabel('Ansvarlig', { exact: true }).selectOption({ label: 'Peter Pædagog (Fagperson)' });
    await page.getByLabel('Frist', { exact: true }).fill('2026-12-15');
    await page.getByRole('button', { name: 'Tilføj', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Næste skridt' })).toContainText(nextStep);
    await shot(page, 'meeting-page');
    expect(await seriousAxeViolations(page, 'Mødet')).toEqual([]);
  });

  test('the demo follow-up meeting shows the ratings over time, and the parents get a summary', async ({ page }) => {
    await signIn(page, 'social');
    await page.goto('/moeder');
    // The newest demo meeting is the follow-up; the journey's own meeting is newer still.
    const rows = page.getByRole('table').getByRole('row');
    await rows.filter({ hasText: 'Forældrenes samtykke' }).nth(1).getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Skalering over tid' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Skalering 0–10 for hver deltager, møde for møde' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Skalering pr. deltager og møde' });
    await expect(table.getByRole('columnheader')).toHaveCount(3);
    await expect(table.getByRole('row', { name: /Peter Pædagog/ })).toContainText('3');
    await expect(table.getByRole('row', { name: /Peter Pædagog/ })).toContainText('6');
    await shot(page, 'meeting-follow-up');
    if (shots) await page.locator('section').filter({ has: page.getByRole('heading', { name: 'Skalering over tid' }) }).screenshot({ path: `${shots}/meeting-chart.png` });
    if (shots) await page.locator('section').filter({ has: page.getByRole('heading', { name: 'Kortlægningen' }) }).screenshot({ path: `${shots}/meeting-map.png` });
    expect(await seriousAxeViolations(page, 'Opfølgende møde')).toEqual([]);
    await page.getByRole('link', { name: 'Vis sammendrag til udskrift' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Sammendrag af mødet om / })).toBeVisible();
    await expect(page.getByText('Vi mødtes igen for at se, hvordan det går.', { exact: false })).toBeVisible();
    await shot(page, 'meeting-summary');
    expect(await seriousAxeViolations(page, 'Sammendrag')).toEqual([]);
    await signOut(page);
  });

  test('the pedagogue sees the next step on Min dag, with the overdue one marked in words', async ({ page }) => {
    await signIn(page, 'paedagog');
    const mine = page.getByRole('region', { name: 'Mine handlinger' }).or(page.locator('section').filter({ has: page.getByRole('heading', { name: 'Mine handlinger' }) }));
    await expect(page.getByRole('heading', { name: 'Mine handlinger' })).toBeVisible();
    await expect(mine.first()).toContainText(nextStep);
    await expect(mine.first()).toContainText('Overskredet');
    await shot(page, 'my-day-actions');
    expect(await seriousAxeViolations(page, 'Min dag')).toEqual([]);
    await page.getByRole('link', { name: nextStep }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Møde om / })).toBeVisible();
    // The pedagogue co-authors but does not approve the minutes.
    await page.getByRole('textbox', { name: 'Referat', exact: true }).fill('Kort referat skrevet af pædagogen.');
    await page.getByRole('button', { name: 'Gem kladde' }).click();
    await expect(page.getByText('Referatet er gemt.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Godkend og lås referatet' })).toHaveCount(0);
  });

  test('the social worker approves the minutes and closes the meeting; the page shows it closed and read-only', async ({ page }) => {
    await signIn(page, 'social');
    await page.goto(meetingUrl);
    await expect(page.getByRole('heading', { level: 1, name: /^Møde om / })).toBeVisible();
    const close = page.getByRole('button', { name: 'Afslut møde' });
    // Not before the minutes are approved.
    await expect(close).toBeDisabled();
    await expect(page.getByText('Godkend referatet, før du afslutter mødet.')).toBeVisible();

    // "Fjern" asks first; cancelling keeps the participant.
    const participants = page.getByRole('table', { name: 'Mødets deltagere' });
    await participants.getByRole('button', { name: /^Fjern\s*: Sofie Sundhedsplejerske/ }).click();
    const removeDialog = page.getByRole('dialog', { name: 'Fjern Sofie Sundhedsplejerske fra mødet?' });
    await expect(removeDialog).toBeVisible();
    await shot(page, 'meeting-remove-confirm');
    await removeDialog.getByRole('button', { name: 'Annuller' }).click();
    await expect(removeDialog).toHaveCount(0);
    await expect(participants).toContainText('Sofie Sundhedsplejerske');

    await page.getByRole('button', { name: 'Godkend og lås referatet' }).click();
    await expect(close).toBeEnabled();
    await close.click();
    const dialog = page.getByRole('dialog', { name: 'Afslut mødet?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Åbne opgaver bliver på ejernes lister');
    await shot(page, 'meeting-close-confirm');
    expect(await seriousAxeViolations(page, 'Afslut møde')).toEqual([]);
    await dialog.getByRole('button', { name: 'Ja, afslut mødet' }).click();

    await expect(page.getByRole('heading', { level: 1, name: /Afsluttet/ })).toBeVisible();
    await expect(page.getByText(/^Mødet blev afsluttet .* af Sara Socialfaglig\./)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Afslut møde' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Gem kortlægningen' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Fjern/ })).toHaveCount(0);
    await expect(page.getByLabel('Skalering for Peter Pædagog')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Tilføj', exact: true })).toHaveCount(0);
    await expect(page.getByRole('table', { name: 'Næste skridt' })).toContainText(nextStep);
    await shot(page, 'meeting-closed');
    expect(await seriousAxeViolations(page, 'Afsluttet møde')).toEqual([]);
    await signOut(page);
  });
});
