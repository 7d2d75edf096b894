/**
 * Only repositories touch the database (architecture.md §4): no module's
 * routes.ts may import the db layer or a database driver. A static check of
 * the source files, so it needs no database and runs once, not per engine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MODULES = path.resolve('src/server/modules');

/**
 * Every module specifier a TypeScript source imports or re-exports: static
 * imports (also `import type` and side-effect imports), `export … from`,
 * dynamic `import()` and `require()`.
 */
function importedSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const patterns = [
    /\bimport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[1]));
}

/** True when a specifier reaches the database: our db layer, Kysely, pg or PGlite. */
function isDatabaseImport(specifier: string): boolean {
  if (specifier.includes('/db/') || specifier.endsWith('/db') || specifier === 'db') return true;
  return ['kysely', 'pg', '@electric-sql/pglite'].some((pkg) => specifier === pkg || specifier.startsWith(`${pkg}/`));
}

/** The database imports of one source text. */
function databaseImports(source: string): string[] {
  return importedSpecifiers(source).filter(isDatabaseImport);
}

function routeFiles(): string[] {
  return (fs.readdirSync(MODULES, { recursive: true }) as string[])
    .filter((file) => path.basename(file) === 'routes.ts')
    .map((file) => path.join(MODULES, file));
}

describe('module boundaries', () => {
  it('finds the routes files of the modules', () => {
    const files = routeFiles().map((f) => path.relative(MODULES, f));
    expect(files).toContain(path.join('organisation', 'routes.ts'));
    expect(files).toContain(path.join('staff', 'routes.ts'));
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it('keeps the database out of every routes.ts', () => {
    const offenders = routeFiles().flatMap((file) =>
      databaseImports(fs.readFileSync(file, 'utf8')).map((specifier) => `${path.relative(process.cwd(), file)} imports '${specifier}'`),
    );
    expect(offenders).toEqual([]);
  });

  it('recognises every way of importing the database', () => {
    const forbidden = [
      "import { sql } from 'kysely';",
      "import type { Kysely } from 'kysely';",
      "import { sql,\n  type Transaction,\n} from 'kysely';",
      "import pg from 'pg';",
      "import { Pool } from 'pg/lib/index.js';",
      "import { PGlite } from '@electric-sql/pglite';",
      "import { live } from '@electric-sql/pglite/live';",
      "import type { DB } from '../../db/types';",
      "import { openDatabase } from '../../db/connect';",
      "import * as db from '../../db';",
      "import '../../db/connect';",
      "export { migrate } from '../../db/migrator';",
      "const { openDatabase } = await import('../../db/connect');",
      "const pg = require('pg');",
    ];
    for (const sample of forbidden) expect(databaseImports(sample), sample).not.toEqual([]);
  });

  it('leaves ordinary imports alone', () => {
    const allowed = [
      "import { z } from '@hono/zod-openapi';",
      "import { createRouter, defineRoute } from '../../http/route';",
      "import { IdParam } from '../../http/openapi-shared';",
      "import { Staff } from './schema';",
      "import { PgBoss } from 'pg-boss';",
      "import { x } from '../../dbx/thing';",
      "import { kyselyish } from 'kysely-codegen-like';",
      "// import { sql } from 'kysely';",
      "/* import pg from 'pg'; */",
    ];
    for (const sample of allowed) expect(databaseImports(sample), sample).toEqual([]);
  });

  it('would fail on a routes.ts that imports the database', () => {
    const source = `import { z } from '@hono/zod-openapi';\nimport { sql } from 'kysely';\nimport type { Database } from '../../db/connect';\n`;
    expect(databaseImports(source)).toEqual(['kysely', '../../db/connect']);
  });
});
