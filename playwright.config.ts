import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { resolveChromium } from './e2e/chromium';

const port = process.env.E2E_PORT ?? '4321';
const baseURL = `http://127.0.0.1:${port}`;
// One data folder per run; set once in the runner so that worker processes (which re-read this file) agree.
process.env.SPIRE_E2E_DATA_DIR ??= path.join(os.tmpdir(), `spire-e2e-${process.pid}-${Date.now()}`);
const dataDir = process.env.SPIRE_E2E_DATA_DIR;
// Where the web app is built for this run (default dist/web; parallel runs pass their own folder).
const webDir = process.env.SPIRE_E2E_WEB_DIR ?? 'dist/web';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.e2e.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: 'list',
  use: {
    baseURL,
    launchOptions: await resolveChromium(),
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `npx vite build --logLevel warn --emptyOutDir --outDir ${webDir} && SPIRE_WEB_DIR=${webDir} SPIRE_SIGN_IN_RATE_LIMIT=1000 npx tsx src/cli/start.ts --port ${port} --data-dir ${dataDir} --reset`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
