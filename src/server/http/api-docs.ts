/** The browsable API documentation at /api/docs (Swagger UI served locally, no CDN). */
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';
import { sendFile } from './static-files';

const swaggerDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Spire API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><main id="swagger-ui"></main>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

const init = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

/** The docs viewer routes (not part of the API itself). */
export const apiDocs = new Hono()
  .get('/api/docs', (c) => c.html(page))
  .get('/api/docs/init.js', (c) => c.body(init, 200, { 'content-type': 'text/javascript; charset=utf-8' }))
  .get('/api/docs/:file{swagger-ui(-bundle\\.js|\\.css)}', async (c) => {
    return (await sendFile(c, swaggerDir, c.req.param('file'), 'public, max-age=86400')) ?? c.notFound();
  });
