/** A tiny command-line flag reader for Spire's entry points. */

/**
 * Reads `--name value`, `--name=value` and boolean `--flag` / `--no-flag`.
 * @example parseArgs(['--port', '3000', '--no-demo']) // { port: '3000', demo: false }
 */
export function parseArgs(argv: string[]): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) continue;
    const [rawKey, inline] = arg.slice(2).split('=', 2);
    const key = rawKey.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase());
    if (inline !== undefined) out[key] = inline;
    else if (key.startsWith('no') && key.length > 2 && /[A-Z]/.test(key[2])) out[key[2].toLowerCase() + key.slice(3)] = false;
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out[key] = argv[++i];
    else out[key] = true;
  }
  return out;
}
