/**
 * Browser journey for bekymringer and sparring, in Danish:
 *   1. the pedagogue `paedagog` records a yellow concern on a child in Vuggestuen Mariehønen (after
 *      first seeing the error summary for an empty form) and asks for named sparring with the
 *      parents' consent;
 *   2. the district social worker `social` sees it in the queue with its waiting time, takes it
 *      (the child's name appears, and "Indkald til tværfagligt møde"), and records a session with advice;
 *   3. the pedagogue sees the new advice on Min dag and on the request.
 * axe-core finds nothing serious or critical on the concern form, the queue and the request.
 * The server is started with demo data by playwright.config.ts.
 */
import { expect, test } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { DEMO_PASSWORD, signIn } from './session';

const suffix = Date.now().toString(36).slice(-5);
const question = `Hvordan støtter vi barnet ved aflevering? (${suffix})`;
const advice = `Lav en fast afleveringsrutine med én kendt voksen (${suffix}).`;
let childId = '';
let requestUrl = '';

function danishToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

// axe-core is injected as a script tag, which the app's CSP (script-src 'self') would block.
test.use({ bypassCSP: true });

test.describe.serial('concerns and sparring', () => {
  test('a pedagogue records a yellow concern and asks for named sparring with consent', async ({ page, playwright, baseURL }) => {
    // A child of the nursery without concerns yet (the demo has concerns on some).
    const api = await playwright.request.newContext({ baseURL });
    expect((await api.post('/api/auth/login', { data: { username: 'paedagog', password: DEMO_PASSWORD } })).status()).toBe(200);
    const children = (await (await api.get('/api/children')).json()) as { items: { id: string }[] };
    for (const item of children.items) {
      const concerns = (await (await api.get(`/api/children/${item.id}/concerns`)).json()) as { items: unknown[]; canCreate: boolean };
      if (concerns.canCreate && concerns.items.length === 0) {
        childId = item.id;
        break;
      }
    }
    await api.dispose();
    expect(childId).not.toBe('');

    await signIn(page, 'paedagog');
    await page.goto(`/boern/${childId}`);
    await page.getByRole('link', { name: 'Bekymringer' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Bekymringer' })).toBeVisible();
    await page.getByRole('button', { name: 'Registrér bekymring' }).click();
    const levels = page.getByRole('group', { name: 'Bekymringsniveau' });
    await expect(levels.getByLabel('Gul – i risiko / opmærksomhed')).toBeVisible();
    expect(await seriousAxeViolations(page, 'Concern form')).toEqual([]);

    // Saving an empty form: the error summary and the field errors.
    await page.getByRole('button', { name: 'Gem bekymring' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Der er problemer' })).toBeVisible();
    await expect(page.getByText('Vælg et bekymringsniveau.').first()).toBeVisible();

    await levels.getByLabel('Gul – i risiko / opmærksomhed').check();
    await page.getByLabel('Hvad har I observeret?').fill('Græder længe efter aflevering og vil ikke spise frokost.');
    await page.getByLabel('Siden hvornår?').fill(danishToday());
    await page.getByRole('group', { name: 'Er forældrene orienteret?' }).getByLabel('Ja').check();
    await page.getByLabel('Hvordan er forældrene orienteret?').fill('Samtale med mor ved afhentning');
    await page.getByRole('button', { name: 'Gem bekymring' }).click();
    await expect(page.getByText('Bekymringen er registreret.')).toBeVisible();
    await expect(page.getByText('Græder længe efter aflevering')).toBeVisible();
    await page.screenshot({ path: '/tmp/concerns-shots/concerns-child-tab.png', fullPage: true });

    await page.getByRole('button', { name: 'Bed om sparring' }).click();
    await page.getByLabel('Om det navngivne barn – med forældrenes samtykke').check();
    await page.getByLabel('Hvad ønsker I sparring om?').fill(question);
    await page.getByLabel('Hvem gav samtykke?').fill('Mor');
    await page.getByLabel('Hvornår?').fill(danishToday());
    await page.getByLabel('Hvordan blev samtykket givet?').fill('Mundtligt ved afhentning');
    expect(await seriousAxeViolations(page, 'Sparring form')).toEqual([]);
    await page.getByRole('button', { name: 'Send anmodning' }).click();
    await expect(page.getByText('Anmodningen er sendt til den socialfaglige medarbejder.')).toBeVisible();
    await page.getByRole('link', { name: 'Åbn sparringsanmodningen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sparringsanmodning' })).toBeVisible();
    await expect(page.getByText(question)).toBeVisible();
    requestUrl = new URL(page.url()).pathname;
  });

  test('the social worker takes it from the queue and records a session with advice', async ({ page }) => {
    await signIn(page, 'social');
    await expect(page.getByRole('heading', { name: 'Sparring', level: 2 })).toBeVisible(); // Min dag
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Sparring' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sparring' })).toBeVisible();
    const queue = page.getByRole('table', { name: 'Anmodninger, der venter – længst ventetid først' });
    await expect(queue).toBeVisible();
    const row = queue.getByRole('row').filter({ hasText: question });
    await expect(row).toContainText('0 dage');
    await expect(row).toContainText('Vuggestuen Mariehønen');
    expect(await seriousAxeViolations(page, 'Sparring queue')).toEqual([]);
    await page.screenshot({ path: '/tmp/concerns-shots/concerns-queue.png', fullPage: true });

    await row.getByRole('link', { name: 'Åbn' }).click();
    await expect(page).toHaveURL(new RegExp(`${requestUrl}$`));
    await expect(page.getByText('Barnets navn vises, når du har taget anmodningen.')).toBeVisible();
    await page.getByRole('button', { name: 'Tag anmodningen' }).click();
    await expect(page.getByText('Du har taget anmodningen.')).toBeVisible();
    const meeting = page.getByRole('link', { name: 'Indkald til tværfagligt møde' });
    await expect(meeting).toHaveAttribute('href', `/moeder/ny?sparring=${requestUrl.split('/').pop()}&barn=${childId}`);
    await expect(page.getByText('Græder længe efter aflevering')).toBeVisible(); // the concern, now that it is taken

    await page.getByLabel('Råd og aftaler').fill(advice);
    await page.getByLabel('Næste skridt').fill('Opfølgning om tre uger');
    await page.getByRole('button', { name: 'Gem samtalen' }).click();
    await expect(page.getByText('Sparringssamtalen er gemt.')).toBeVisible();
    await expect(page.getByText(advice)).toBeVisible();
    expect(await seriousAxeViolations(page, 'Sparring request')).toEqual([]);
    await page.screenshot({ path: '/tmp/concerns-shots/concerns-request-social.png', fullPage: true });

    // Brought into the case: the child's page shows the concern (read-only) and the wellbeing conversations.
    await page.goto(`/boern/${childId}?fane=bekymringer`);
    await expect(page.getByRole('heading', { level: 2, name: 'Bekymringer' })).toBeVisible();
    await expect(page.getByText('Græder længe efter aflevering')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Registrér bekymring' })).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 2, name: 'Trivselssamtaler' })).toBeVisible();
    expect(await seriousAxeViolations(page, 'Child concerns tab (social worker)')).toEqual([]);
    await page.screenshot({ path: '/tmp/concerns-shots/concerns-child-social.png', fullPage: true });
  });

  test('the pedagogue sees the advice', async ({ page }) => {
    await signIn(page, 'paedagog');
    await expect(page.getByText('Nye råd på dine sparringsanmodninger')).toBeVisible();
    await page.screenshot({ path: '/tmp/concerns-shots/concerns-myday.png', fullPage: true });
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Sparring' }).click();
    const mine = page.getByRole('table', { name: 'Dine anmodninger om sparring' });
    const row = mine.getByRole('row').filter({ hasText: 'Nyt råd' }).first();
    await expect(row).toBeVisible();
    expect(await seriousAxeViolations(page, 'My sparring requests')).toEqual([]);
    await page.goto(requestUrl);
    await expect(page.getByText(advice)).toBeVisible();
    await expect(page.getByText('Taget', { exact: true })).toBeVisible();
    await page.screenshot({ path: '/tmp/concerns-shots/concerns-request-requester.png', fullPage: true });
  });
});
