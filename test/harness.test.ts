import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';

const pgUrl = inject('pgUrl');

describe('test harness', () => {
  it.skipIf(!pgUrl)('provides a PostgreSQL 15 or newer', async () => {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ ok: boolean }>(
        "SELECT current_setting('server_version_num')::int >= 150000 AS ok",
      );
      expect(rows[0].ok).toBe(true);
    } finally {
      await client.end();
    }
  });
});
