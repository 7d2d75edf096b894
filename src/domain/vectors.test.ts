/**
 * Runs every shared test vector (`shared/vectors/*.json`) against the exports
 * of `src/domain/index.ts`. See shared/vectors/README.md for the format.
 *
 * The folder is `$SPIRE_VECTORS_DIR` if set, else `<repo>/../shared/vectors`.
 * A missing folder, an empty folder, a malformed file or a function that is
 * not exported all FAIL the suite rather than skip it.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as domain from './index';

interface VectorCase {
  name: string;
  args: unknown[];
  expect: unknown;
}

interface VectorFile {
  function: string;
  cases: VectorCase[];
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const vectorsDir = process.env.SPIRE_VECTORS_DIR
  ? path.resolve(process.env.SPIRE_VECTORS_DIR)
  : path.resolve(repoRoot, '..', 'shared', 'vectors');

const exportsByName = domain as unknown as Record<string, unknown>;

function isThrowsExpectation(value: unknown): value is { throws: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { throws?: unknown }).throws === 'string'
  );
}

function listVectorFiles(): string[] {
  if (!existsSync(vectorsDir)) return [];
  return readdirSync(vectorsDir)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

const files = listVectorFiles();

describe('shared test vectors', () => {
  it('vectors folder exists and holds *.json files', () => {
    expect(existsSync(vectorsDir), `vectors folder not found: ${vectorsDir} (set SPIRE_VECTORS_DIR)`).toBe(true);
    expect(files.length, `no *.json files in ${vectorsDir}`).toBeGreaterThan(0);
  });

  for (const file of files) {
    let vector: VectorFile;
    try {
      vector = JSON.parse(readFileSync(path.join(vectorsDir, file), 'utf8')) as VectorFile;
    } catch (error) {
      it(`${file} › is valid JSON`, () => {
        throw error;
      });
      continue;
    }

    const fn = exportsByName[vector.function];
    it(`${file} › function ${JSON.stringify(vector.function)} is exported from src/domain/index.ts`, () => {
      expect(typeof fn, `${vector.function} is not exported from src/domain/index.ts`).toBe('function');
      expect(Array.isArray(vector.cases) && vector.cases.length > 0, `${file} has no cases`).toBe(true);
    });
    if (typeof fn !== 'function' || !Array.isArray(vector.cases)) continue;
    const call = fn as (...args: unknown[]) => unknown;

    for (const testCase of vector.cases) {
      it(`${file} › ${testCase.name}`, () => {
        expect(Array.isArray(testCase.args), 'args must be an array').toBe(true);
        const expected = testCase.expect;
        if (isThrowsExpectation(expected)) {
          let thrown: unknown;
          try {
            call(...testCase.args);
          } catch (error) {
            thrown = error;
          }
          expect(thrown, `expected a throw with code ${expected.throws}`).toBeInstanceOf(Error);
          expect((thrown as { code?: unknown }).code).toBe(expected.throws);
          return;
        }
        const actual = call(...testCase.args);
        if (typeof expected === 'object' && expected !== null && !Array.isArray(expected)) {
          expect(actual).toMatchObject(expected as Record<string, unknown>);
        } else {
          expect(actual).toEqual(expected);
        }
      });
    }
  }
});
