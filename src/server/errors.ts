/**
 * problem+json errors (RFC 9457) with stable codes. Code that finds a problem
 * throws a `Problem`; the app's error handler renders it in the request's
 * language. Anything else thrown becomes a 500 `server.error` and is logged.
 */
import type { z } from 'zod';
import { type FieldCode, fieldMessage, fill, type Language, type ProblemCode, problemTitles } from './i18n';

/** One field-level error, before translation. */
export interface FieldIssue {
  field: string;
  code: FieldCode;
  values?: Record<string, string | number>;
}

/** An error with an HTTP status and a stable code. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly options: {
      detail?: string;
      fields?: FieldIssue[];
      values?: Record<string, string | number>;
      extra?: Record<string, unknown>;
    } = {},
  ) {
    super(code);
    this.name = 'Problem';
  }
}

/** 401: no valid session. */
export const unauthenticated = () => new Problem(401, 'auth.required');
/** 403: the actor may not do this. */
export const forbidden = () => new Problem(403, 'access.denied');
/** 404: not there, or not for this actor's eyes. */
export const notFound = () => new Problem(404, 'not_found');
/** 409: the row changed since the client read it. */
export const staleVersion = () => new Problem(409, 'conflict.stale_version');
/**
 * Optimistic concurrency: an update filtered on `version = <the version the client read>`
 * must have changed exactly one row; otherwise someone changed it first → 409.
 * @example expectCurrentVersion(await trx.updateTable('units').set(…).where('version', '=', input.version).executeTakeFirst());
 */
export function expectCurrentVersion(result: { numUpdatedRows: bigint }): void {
  if (Number(result.numUpdatedRows) !== 1) throw staleVersion();
}
/** 400: one or more fields are wrong. */
export const invalidFields = (fields: FieldIssue[]) => new Problem(400, 'validation.failed', { fields });

/** The JSON body of a problem response. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: { field: string; code: string; message: string }[];
  [extra: string]: unknown;
}

/**
 * Renders a problem as a response body in `language`.
 * @example problemBody(notFound(), 'en').title // 'It does not exist, …'
 */
export function problemBody(problem: Problem, language: Language): ProblemBody {
  const values = problem.options.values ?? {};
  const body: ProblemBody = {
    type: `https://spire.example/problems/${problem.code}`,
    title: fill(problemTitles[problem.code][language], values),
    status: problem.status,
    code: problem.code,
    ...(problem.options.extra ?? {}),
  };
  if (problem.options.detail) body.detail = problem.options.detail;
  if (problem.options.fields) {
    body.errors = problem.options.fields.map((issue) => ({
      field: issue.field,
      code: issue.code,
      message: fieldMessage(issue.code, issue.field, language, issue.values),
    }));
  }
  return body;
}

/**
 * Turns zod validation issues into field issues with stable codes.
 * @example fieldIssuesFromZod(result.error.issues)
 */
export function fieldIssuesFromZod(issues: z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue): FieldIssue => {
    const field = issue.path.map(String).join('.') || '(body)';
    const format = (issue as { format?: string }).format;
    switch (issue.code) {
      case 'invalid_type': {
        // zod 4 leaves the input out of issues; its message says what was received.
        const missing = 'input' in issue ? issue.input === undefined || issue.input === null : /received (undefined|null)\b/.test(issue.message);
        return { field, code: missing ? 'required' : 'invalid_type' };
      }
      case 'too_small': {
        const minimum = Number(issue.minimum);
        if (issue.origin === 'string') return { field, code: minimum <= 1 ? 'required' : 'too_short', values: { minimum } };
        return { field, code: 'too_small', values: { minimum } };
      }
      case 'too_big': {
        const maximum = Number(issue.maximum);
        return { field, code: issue.origin === 'string' ? 'too_long' : 'too_big', values: { maximum } };
      }
      case 'invalid_format':
        if (format === 'date') return { field, code: 'invalid_date' };
        if (format === 'uuid' || format === 'guid') return { field, code: 'invalid_id' };
        if (format === 'email') return { field, code: 'invalid_email' };
        return { field, code: 'invalid_format' };
      case 'invalid_value':
        return { field, code: 'invalid_choice' };
      case 'unrecognized_keys':
        return { field: issue.keys.join(', '), code: 'unknown_field' };
      case 'custom':
        return { field, code: ((issue.params as { code?: FieldCode } | undefined)?.code ?? 'invalid') as FieldCode };
      default:
        return { field, code: 'invalid' };
    }
  });
}
