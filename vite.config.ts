import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Vite config for Spire's web app.
 *
 * - The app's entry is `index.html` in the repository root; the build goes to `dist/web`,
 *   which the server serves together with the API on one port.
 * - In development (`npx vite`), `/api` is proxied to the API server on port 3000.
 * - `dkfds` declares package `exports` for its JavaScript only, so its CSS and icon sprite are
 *   reached through aliases that point at the files inside `node_modules/dkfds/dist`. Vite then
 *   resolves the CSS's relative `url(../fonts/…)` and `url(../img/…)` against the real file and
 *   emits the IBM Plex Sans fonts and icons as hashed assets in `dist/web/assets`.
 */
const dkfds = (file: string) => fileURLToPath(new URL(`./node_modules/dkfds/dist/${file}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: [
      // The Virk theme (DKFDS blue); its Virk portal logo is replaced by the municipality's name in styles.css.
      { find: /^dkfds-css$/, replacement: dkfds('css/dkfds-virkdk.min.css') },
      // The icon sprite, imported as `dkfds-icons.svg?raw` and inlined into the page at start-up.
      { find: /^dkfds-icons\.svg/, replacement: dkfds('img/all-svg-icons.svg') },
    ],
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
      '/was': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
