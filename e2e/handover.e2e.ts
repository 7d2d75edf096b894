/**
 * Browser journey for the handover from health visiting to daycare (overlevering), in Danish:
 *   1. `sundhed` sees on Min dag that Liva Overgaard's handover to Vuggestuen Mariehønen is due,
 *      starts it, writes the package and picks the ADBB screening;
 *   2. reviews it with a parent: the parents say yes to every part except "Aftalt støtte", and
 *      she sends it; the printable version has its "Print / gem som PDF" button;
 *   3. `paedagog` sees it under "Overleveringer til jer" on Min dag, opens it, sees the consented
 *      parts and not the unconsented text, and acknowledges receipt with his name;
 *   4. axe-core finds nothing serious or critical on the screens.
 * The server is started with demo data by playwright.config.ts.
 */
import { expect, test } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { signIn, signOut } from './session';

const suffix = Date.now().toString(36).slice(-5);
const TEXT = {
  development: `Liva kravler og siger de første ord (${suffix}).`,
  worksWell: 'Hun falder til ro med sin sut og en sang.',
  support: `HEMMELIG-STØTTE-${suffix}: ekstra besøg om søvn, som forældrene ikke vil dele.`,
  parentsWords: 'Vi glæder os til, at Liva skal i vuggestue.',
};
const shots = process.env.SPIRE_E2E_SHOTS ?? 'test-results';
let handoverUrl = '';

// axe-core is injected as a script tag, which the app's CSP (script-src 'self') would block.
test.use({ bypassCSP: true });

test.describe.serial('handover from health visiting to daycare', () => {
  test('the health visitor prepares the handover, reviews it with a parent and sends the consented parts', async ({ page }) => {
    await signIn(page, 'sundhed');
    const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Overleveringer', exact: true }) });
    await expect(section).toBeVisible();
    await page.screenshot({ path: `${shots}/handover-myday-hv.png`, fullPage: true });
    await section.getByRole('button', { name: 'Forbered overlevering: Liva Overgaard' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Overlevering til Vuggestuen Mariehønen' })).toBeVisible();
    handoverUrl = new URL(page.url()).pathname;

    await page.getByLabel('Barnets udvikling og trivsel', { exact: true }).fill(TEXT.development);
    await page.getByLabel('Det der fungerer godt', { exact: true }).fill(TEXT.worksWell);
    await page.getByLabel('Aftalt støtte', { exact: true }).fill(TEXT.support);
    await page.getByLabel('Forældrenes egne ord', { exact: true }).fill(TEXT.parentsWords);
    await page.getByLabel(/^ADBB /).check();
    await page.getByRole('button', { name: 'Gem udkast' }).click();
    await expect(page.getByText('Udkastet er gemt.')).toBeVisible();
    expect(await seriousAxeViolations(page, 'Overlevering (forberedelse)')).toEqual([]);
    await page.screenshot({ path: `${shots}/handover-prepare.png`, fullPage: true });

    // The review with the parents: yes to everything but the agreed support.
    const review = page.locator('section', { has: page.getByRole('heading', { name: '2. Gennemgå med forældrene' }) });
    await expect(review.getByText(TEXT.support)).toBeVisible();
    for (const part of ['Barnets udvikling og trivsel', 'Det der fungerer godt', 'Screeningsresultater', 'Forældrenes egne ord']) {
      await review.getByLabel(`Forældrene siger ja til at dele „${part}“`).check();
    }
    await review.getByLabel('Camilla Overgaard').check();
    await review.getByLabel('Skriftligt').check();
    await page.getByRole('button', { name: 'Send til Vuggestuen Mariehønen' }).click();
    await expect(page.getByText('Sendt – afventer kvittering').first()).toBeVisible();
    await expect(page.getByText(TEXT.development)).toBeVisible();
    await expect(page.getByText(TEXT.support)).toHaveCount(0);
    await page.screenshot({ path: `${shots}/handover-sent.png`, fullPage: true });

    await page.getByRole('link', { name: 'Åbn printvenlig udgave' }).click();
    await expect(page.getByRole('button', { name: 'Print / gem som PDF' })).toBeVisible();
    await expect(page.getByText(TEXT.worksWell)).toBeVisible();
    expect(await seriousAxeViolations(page, 'Overlevering (print)')).toEqual([]);
    await page.screenshot({ path: `${shots}/handover-print.png`, fullPage: true });

    // The child's "Samtykke og deling" tab shows the new consent and what was shared under it.
    await page.goto(`${handoverUrl.split('/overlevering/')[0]}?fane=samtykke`);
    await expect(page.getByRole('heading', { level: 2, name: 'Samtykker i kraft' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: /Overlevering til dagtilbud/ })).toBeVisible();
    expect(await seriousAxeViolations(page, 'Samtykke og deling')).toEqual([]);
    await page.screenshot({ path: `${shots}/handover-consent-tab.png`, fullPage: true });
    await signOut(page);
  });

  test('the pedagogue sees only the consented parts and acknowledges receipt', async ({ page }) => {
    await signIn(page, 'paedagog');
    const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Overleveringer til jer' }) });
    await expect(section).toBeVisible();
    await page.screenshot({ path: `${shots}/handover-myday-ped.png`, fullPage: true });
    await section.getByRole('link', { name: 'Åbn overlevering: Liva Overgaard' }).click();
    await expect(page).toHaveURL(new RegExp(`${handoverUrl}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Overlevering til Vuggestuen Mariehønen' })).toBeVisible();
    await expect(page.getByText(TEXT.development)).toBeVisible();
    await expect(page.getByText(TEXT.parentsWords)).toBeVisible();
    await expect(page.getByText(/ADBB/)).toBeVisible();
    expect(await page.content()).not.toContain(`HEMMELIG-STØTTE-${suffix}`);
    expect(await seriousAxeViolations(page, 'Overlevering (modtager)')).toEqual([]);

    await page.getByRole('button', { name: 'Kvittér for modtagelsen' }).click();
    await expect(page.getByText('Tak. Du har kvitteret for overleveringen.')).toBeVisible();
    await expect(page.getByText(/Kvitteret af Peter Pædagog/)).toBeVisible();
    expect(await page.content()).not.toContain(`HEMMELIG-STØTTE-${suffix}`);
    await page.screenshot({ path: `${shots}/handover-recipient.png`, fullPage: true });
  });
});
