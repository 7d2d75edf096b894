/** CSV for the access-log export (RFC 4180, semicolon-free, UTF-8 with BOM for Excel). */
import type { AuditRowShape } from './schema';

const columns: [keyof AuditRowShape, string][] = [
  ['at', 'time'],
  ['actorName', 'actor'],
  ['actorId', 'actor_id'],
  ['action', 'action'],
  ['category', 'category'],
  ['subjectIds', 'persons'],
  ['criterion', 'criterion'],
  ['purpose', 'purpose'],
  ['outcome', 'outcome'],
  ['requestId', 'request_id'],
  ['ip', 'ip'],
];

function cell(value: unknown): string {
  const text = Array.isArray(value) ? value.join(' ') : value == null ? '' : String(value);
  // Neutralise spreadsheet formulas, then quote.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * Renders audit rows as CSV with a header line.
 * @example auditCsv(rows).split('\r\n')[0] // '"time","actor",…'
 */
export function auditCsv(rows: AuditRowShape[]): string {
  const lines = [columns.map(([, header]) => cell(header)).join(',')];
  for (const row of rows) lines.push(columns.map(([key]) => cell(row[key])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
