/**
 * Reading API responses in tests: check the status (the body is the message when
 * it is wrong, so a failure shows the server's problem) and parse the JSON body.
 */
import { expect } from 'vitest';

/** An application/problem+json body as the server renders it (src/server/http/openapi-shared.ts). */
export interface ProblemJson {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: { field: string; code: string; message: string }[];
}

/**
 * Expects `status` (200 unless given) and returns the JSON body. With `allowEmpty`,
 * an empty body (a 204) gives `undefined` instead of failing to parse.
 * @example const child = await expectJson<ChildJson>(await hv.post('/api/children', body), 201);
 */
export async function expectJson<T>(response: Response, status = 200, options: { allowEmpty?: boolean } = {}): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  if (options.allowEmpty && !text) return undefined as T;
  return JSON.parse(text) as T;
}

/**
 * Expects `status` with an application/problem+json body and returns it. With
 * `anyContentType`, the content type is not checked.
 * @example expect((await expectProblem(await hv.post('/api/concerns', {}), 400)).code).toBe('validation.failed');
 */
export async function expectProblem(response: Response, status: number, options: { anyContentType?: boolean } = {}): Promise<ProblemJson> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  if (!options.anyContentType) expect(response.headers.get('content-type')).toContain('application/problem+json');
  return JSON.parse(text) as ProblemJson;
}
