/**
 * Vitest global setup: one throwaway PostgreSQL ≥ 15 per test run, shared by all test files.
 * Tests read its URL with `inject('pgUrl')`; it is '' when `SPIRE_TEST_ENGINES=pglite` (PGlite only).
 */
import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of the run's PostgreSQL server, or '' when only PGlite is tested. */
    pgUrl: string;
  }
}

/**
 * Starts the server (see `startTestPostgres`), provides `pgUrl`, and returns the teardown that stops it.
 *
 * @example
 *   // in a test file
 *   import { inject } from 'vitest';
 *   const url = inject('pgUrl'); // 'postgres://postgres@127.0.0.1:PORT/postgres'
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.SPIRE_TEST_ENGINES === 'pglite') {
    project.provide('pgUrl', '');
    return async () => {};
  }
  const server = await startTestPostgres();
  project.provide('pgUrl', server.url);
  return () => server.stop();
}
