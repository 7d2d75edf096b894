/**
 * Browser journey for trivselsvurdering (wellbeing ratings in daycare), in Danish:
 *   1. an administrator (through the API) gives Vuggestuen Mariehønen a second pedagogue, since
 *      the demo has only one there and a joint rating needs two different raters (rule T1);
 *   2. `paedagog` starts the round "Efterår 2026" and rates a child individually; the joint rating
 *      is not offered yet, with the rule explained;
 *   3. the colleague rates the same child (the first rating stays hidden until then), saves the
 *      joint rating with a comment and both participants, and the overview shows it as a badge
 *      with its text; the child's page shows it on the "Trivsel" tab;
 *   4. axe-core finds nothing serious or critical on the round overview and the rating form.
 * The server is started with demo data by playwright.config.ts.
 */
import { expect, test } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { DEMO_PASSWORD, signIn, signOut } from './session';

const suffix = Date.now().toString(36).slice(-5);
const colleague = { username: `kollega${suffix}`, name: `Karen Kollega ${suffix}`, password: `Trivsel-${suffix}-kollega!` };
let roundUrl = '';
let childName = '';
let childId = '';

function danishToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

// axe-core is injected as a script tag, which the app's CSP (script-src 'self') would block.
test.use({ bypassCSP: true });

test.describe.serial('wellbeing ratings in daycare', () => {
  test('an administrator adds a second pedagogue to Vuggestuen Mariehønen', async ({ playwright, baseURL }) => {
    const asPedagogue = await playwright.request.newContext({ baseURL });
    const me = await asPedagogue.post('/api/auth/login', { data: { username: 'paedagog', password: DEMO_PASSWORD } });
    expect(me.status()).toBe(200);
    const unit = ((await me.json()) as { user: { units: { id: string; name: string }[] } }).user.units.find(
      (u) => u.name === 'Vuggestuen Mariehønen',
    );
    expect(unit).toBeTruthy();
    await asPedagogue.dispose();

    const asAdmin = await playwright.request.newContext({ baseURL });
    const login = await asAdmin.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } });
    expect(login.status()).toBe(200);
    const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const created = await asAdmin.post('/api/staff', {
      headers,
      data: { name: colleague.name, username: colleague.username, profession: 'pedagogue', password: colleague.password },
    });
    expect(created.status()).toBe(201);
    const staffId = ((await created.json()) as { id: string }).id;
    const membership = await asAdmin.post(`/api/staff/${staffId}/memberships`, {
      headers,
      data: { unitId: unit?.id, startsOn: danishToday() },
    });
    expect(membership.ok()).toBe(true);
    await asAdmin.dispose();
  });

  test('a pedagogue starts the round and rates a child; the joint rating waits for a colleague', async ({ page }) => {
    await signIn(page, 'paedagog');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Trivselsvurdering' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Trivselsvurdering – Vuggestuen Mariehønen' })).toBeVisible();
    await page.getByLabel('Halvår').selectOption('autumn');
    await page.getByLabel('År', { exact: true }).selectOption('2026');
    await page.getByRole('button', { name: 'Start runde' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Efterår 2026 – Vuggestuen Mariehønen' })).toBeVisible();
    await expect(page.getByText('Runden «Efterår 2026» er startet.')).toBeVisible();
    roundUrl = new URL(page.url()).pathname;
    const table = page.getByRole('table', { name: 'Børn i runden' });
    await expect(table).toBeVisible();
    expect(await seriousAxeViolations(page, 'Round overview')).toEqual([]);

    const firstLink = table.getByRole('rowheader').first().getByRole('link');
    childName = (await firstLink.textContent())?.trim() ?? '';
    expect(childName).not.toBe('');
    await firstLink.click();
    await expect(page.getByRole('heading', { level: 1, name: `${childName} – Efterår 2026` })).toBeVisible();
    childId = new URL(page.url()).pathname.split('/').pop() ?? '';

    const levels = page.getByRole('group', { name: 'Hvordan trives barnet?' });
    await expect(levels.getByLabel('Grøn – trives')).toBeVisible();
    expect(await seriousAxeViolations(page, 'Rating form')).toEqual([]);

    // Saving without a level: the error summary and the field error.
    await page.getByRole('button', { name: 'Gem min vurdering' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Der er problemer' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Vælg et niveau' })).toBeVisible();

    await levels.getByLabel('Grøn – trives').check();
    await page.getByLabel('Kommentar (frivilligt)').fill('Leger godt med de andre og spiser fint.');
    await page.getByRole('button', { name: 'Gem min vurdering' }).click();
    await expect(page.getByText('Din vurdering er gemt.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Den fælles vurdering kan ikke gemmes endnu' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Gem fælles vurdering' })).toHaveCount(0);

    await page.getByRole('link', { name: 'Tilbage til Efterår 2026' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: childName }) });
    await expect(row).toContainText('1 vurdering');
    await expect(row).toContainText('Vurderet af dig');
    await signOut(page);
  });

  test('the colleague rates, saves the joint rating, and the overview shows it', async ({ page }) => {
    await signIn(page, colleague.username, colleague.password);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Trivselsvurdering' }).click();
    await page.getByRole('link', { name: 'Efterår 2026' }).click();
    await expect(page).toHaveURL(new RegExp(`${roundUrl}$`));
    await page.getByRole('rowheader', { name: childName }).getByRole('link').click();

    // The first rating is hidden until this colleague has rated (no anchoring).
    await expect(page.getByText('1 kollega har vurderet barnet. Du ser vurderingen, når du selv har vurderet.')).toBeVisible();
    await page.getByRole('group', { name: 'Hvordan trives barnet?' }).getByLabel('Gul – i risiko / opmærksomhed').check();
    await page.getByRole('button', { name: 'Gem min vurdering' }).click();
    await expect(page.getByText('Din vurdering er gemt.')).toBeVisible();
    const colleagues = page.getByRole('table', { name: 'Kollegernes vurderinger' });
    await expect(colleagues).toContainText('Peter Pædagog');
    await expect(colleagues).toContainText('Grøn – trives');

    // The joint rating: the comment is required.
    const joint = page.getByRole('group', { name: 'Fælles vurdering' });
    await joint.getByLabel('Gul – i risiko / opmærksomhed').check();
    await page.getByRole('button', { name: 'Gem fælles vurdering' }).click();
    await expect(page.getByRole('link', { name: 'Skriv hvad I kom frem til' })).toBeVisible();
    await page.getByLabel('Hvad kom I frem til?').fill('Vi holder øje med overgangene og taler med forældrene.');
    const participants = page.getByRole('group', { name: 'Hvem deltog i drøftelsen?' });
    await expect(participants.getByLabel('Peter Pædagog')).toBeChecked();
    await expect(participants.getByLabel(`${colleague.name} (dig)`)).toBeChecked();
    await page.getByRole('button', { name: 'Gem fælles vurdering' }).click();
    await expect(page.getByText('Den fælles vurdering er gemt.')).toBeVisible();
    await expect(page.getByText(/Deltagere: .*Peter Pædagog/)).toBeVisible();

    await page.getByRole('link', { name: 'Tilbage til Efterår 2026' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: childName }) });
    await expect(row).toContainText('2 vurderinger');
    await expect(row).toContainText('Gul – i risiko / opmærksomhed');
    expect(await seriousAxeViolations(page, 'Round overview with a joint rating')).toEqual([]);

    // The child's page: the joint rating over time, on the "Trivsel" tab.
    await page.goto(`/boern/${childId}?fane=trivsel`);
    await expect(page.getByRole('heading', { level: 2, name: 'Trivsel over tid' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Fælles trivselsvurderinger' })).toContainText('Gul – i risiko / opmærksomhed');
    await signOut(page);
  });
});
