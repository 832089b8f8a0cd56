// Vite build of the viewer: viz/index.html (the app) and viz/bench.html (raw sigma, the bench baseline) → viz/dist.
// `geokg start` runs this through Vite's JS API when the build is missing or stale.

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { main: `${root}index.html`, bench: `${root}bench.html` },
    },
  },
  server: { host: '127.0.0.1', proxy: { '/api': 'http://127.0.0.1:8765' }, fs: { allow: ['..'] } },
});
