/**
 * Runs axe-core in the page with the WCAG 2.0/2.1 A and AA rules and returns the violations
 * whose impact is serious or critical (the ones Spire must never ship), printing them when found.
 *
 * @example
 *   const serious = await seriousAxeViolations(page, 'Min dag');
 *   expect(serious).toEqual([]);
 */
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolationSummary {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** All violations for the WCAG 2.1 A/AA tags on the current page. */
export async function axeViolations(page: Page): Promise<AxeViolationSummary[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (tags) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script
    const axe = (window as any).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    // biome-ignore lint/suspicious/noExplicitAny: axe result objects
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      // biome-ignore lint/suspicious/noExplicitAny: axe node objects
      nodes: v.nodes.map((n: any) => ({
        target: Array.isArray(n.target) ? n.target.join(' ') : String(n.target),
        html: String(n.html).slice(0, 300),
        summary: String(n.failureSummary ?? ''),
      })),
    }));
  }, AXE_TAGS);
}

/** Serious and critical violations only, printed to the test output when there are any. */
export async function seriousAxeViolations(page: Page, label: string): Promise<AxeViolationSummary[]> {
  const all = await axeViolations(page);
  const serious = all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = all.filter((v) => !serious.includes(v));
  if (minor.length > 0) {
    console.log(`[axe] ${label}: ${minor.length} minor/moderate: ${minor.map((v) => `${v.id} (${v.impact})`).join(', ')}`);
  }
  for (const v of serious) {
    console.log(`[axe] ${label}: ${v.impact?.toUpperCase()} ${v.id} – ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes) console.log(`    ${n.target}\n      ${n.html}\n      ${n.summary.replace(/\n/g, '\n      ')}`);
  }
  return serious;
}
