/**
 * Which Chromium the end-to-end tests run, without ever downloading a browser:
 * `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`, else the binary inside the npm package
 * `@sparticuz/chromium` (unpacked into os.tmpdir() on first use).
 */
import fs from 'node:fs';

/** Flags every launch gets: we run as root (no sandbox) and must not touch the network at start. */
const REQUIRED_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Resolves the Chromium binary and its launch flags, for Playwright's `launchOptions`.
 *
 * @example
 *   const { executablePath, args } = await resolveChromium();
 *   const browser = await chromium.launch({ executablePath, args });
 */
export async function resolveChromium(): Promise<{ executablePath: string; args: string[] }> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return { executablePath: fromEnv, args: [...REQUIRED_ARGS] };
  if (fs.existsSync('/usr/bin/chromium')) return { executablePath: '/usr/bin/chromium', args: [...REQUIRED_ARGS] };

  const { default: sparticuz } = await import('@sparticuz/chromium');
  const executablePath = await sparticuz.executablePath();
  return { executablePath, args: [...new Set([...sparticuz.args, ...REQUIRED_ARGS])] };
}
