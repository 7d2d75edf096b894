/**
 * `npm test`: typecheck, lint, Vitest (unit and integration) and Playwright (end-to-end), in that order.
 * Every step runs even if an earlier one failed, and its output is streamed as it comes.
 * The last line of output is `N passed, N failed` (`, N skipped` when some were skipped);
 * the exit code is non-zero when anything failed or a step crashed.
 *
 * @example
 *   npm test                          # everything
 *   npm test -- --only unit           # one group: static (typecheck + lint), unit or e2e
 *   npm test -- --only static,unit    # several groups
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What one step counted. */
interface StepResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  note?: string;
}

const GROUPS = ['static', 'unit', 'e2e'] as const;
type Group = (typeof GROUPS)[number];

const only = parseOnly(process.argv.slice(2));
const want = (group: Group) => only.includes(group);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spire-test-'));
const results: StepResult[] = [];

if (want('static')) {
  results.push(await single('typecheck', ['tsc', '--noEmit', '-p', 'tsconfig.json']));
  results.push(await single('lint', ['biome', 'lint', 'src', 'e2e', 'bench', 'scripts', 'test']));
}
if (want('unit')) results.push(await vitest());
if (want('e2e')) results.push(await playwright());
fs.rmSync(tmp, { recursive: true, force: true });

const total = (key: 'passed' | 'failed' | 'skipped') => results.reduce((sum, r) => sum + r[key], 0);
console.log('\n── summary ──');
for (const r of results) {
  const skipped = r.skipped ? `, ${r.skipped} skipped` : '';
  console.log(`  ${r.name.padEnd(10)} ${r.passed} passed, ${r.failed} failed${skipped}${r.note ? `  (${r.note})` : ''}`);
}
const skipped = total('skipped');
console.log(`${total('passed')} passed, ${total('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = total('failed') > 0 ? 1 : 0;

/** A step that counts as one test: passed when the command exits 0. */
async function single(name: string, args: string[]): Promise<StepResult> {
  const code = await npx(name, args);
  return { name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0, note: exitNote(code) };
}

async function vitest(): Promise<StepResult> {
  const file = path.join(tmp, 'vitest.json');
  const code = await npx('unit', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  const report = readJson<VitestReport>(file);
  if (!report) return crashed('unit', code);
  // A file that failed without a failing test (import error, failing hook) is a failure too.
  const brokenFiles = report.testResults.filter(
    (f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'),
  ).length;
  return settle({
    name: 'unit',
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests + report.numTodoTests,
  }, code);
}

async function playwright(): Promise<StepResult> {
  const file = path.join(tmp, 'playwright.json');
  const code = await npx('e2e', ['playwright', 'test', '--reporter=list,json', '--pass-with-no-tests'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: file,
  });
  const stats = readJson<PlaywrightReport>(file)?.stats;
  if (!stats) return crashed('e2e', code);
  return settle({
    name: 'e2e',
    passed: stats.expected + stats.flaky,
    failed: stats.unexpected,
    skipped: stats.skipped,
    note: stats.flaky ? `${stats.flaky} flaky` : undefined,
  }, code);
}

/** A non-zero exit with no failure in the report (e.g. a global setup error) still counts as one failure. */
function settle(result: StepResult, code: number): StepResult {
  if (code !== 0 && result.failed === 0) return { ...result, failed: 1, note: exitNote(code) };
  return result;
}

function crashed(name: string, code: number): StepResult {
  return { name, passed: 0, failed: 1, skipped: 0, note: `crashed, ${exitNote(code) ?? 'exit 0'}, no report` };
}

function exitNote(code: number): string | undefined {
  return code === 0 ? undefined : `exit ${code}`;
}

/** Runs `npx …` with inherited output; resolves to its exit code (128 + n when killed by signal n). */
function npx(step: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  console.log(`\n▶ ${step}: npx ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn('npx', args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => {
      console.error(`${step}: ${error.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 0)));
  });
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function parseOnly(argv: string[]): Group[] {
  const i = argv.indexOf('--only');
  if (i < 0) return [...GROUPS];
  const picked = (argv[i + 1] ?? '').split(',').filter(Boolean);
  const bad = picked.filter((g) => !GROUPS.includes(g as Group));
  if (!picked.length || bad.length) {
    console.error(`usage: tsx scripts/test.ts [--only ${GROUPS.join('|')}[,…]]`);
    process.exit(2);
  }
  return picked as Group[];
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { status: string; assertionResults: { status: string }[] }[];
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}
