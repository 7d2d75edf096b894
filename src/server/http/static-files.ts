/**
 * Serving files from disk: the built web app (with the single-page-app
 * fallback to index.html) and the API documentation viewer.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from 'hono';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/**
 * Responds with a file under `root`, or returns undefined when there is none.
 * Paths that climb out of `root` are refused.
 * @example return (await sendFile(c, webDir, 'assets/app.js')) ?? c.notFound();
 */
export async function sendFile(c: Context, root: string, relative: string, cache = 'no-cache'): Promise<Response | undefined> {
  const full = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`);
  if (!full.startsWith(path.resolve(root) + path.sep)) return undefined;
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(full);
  } catch {
    return undefined;
  }
  if (!stat.isFile()) return undefined;
  const body = await fs.promises.readFile(full);
  return c.body(body, 200, {
    'content-type': types[path.extname(full)] ?? 'application/octet-stream',
    'cache-control': cache,
  });
}
