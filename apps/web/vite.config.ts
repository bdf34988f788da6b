import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bundleBudget } from './build/bundle-budget';
import { fontFiles } from './build/font-files';
import { precompress } from './build/precompress';

const outDir = resolve(import.meta.dirname, 'dist');
const fontCache = resolve(import.meta.dirname, 'node_modules/.cache/batchops-fonts');

// In dev the SPA runs on Vite (5173) and the API on the BFF, on BATCHOPS_PORT as the BFF reads it.
const bffPort = process.env.BATCHOPS_PORT ?? '8080';

export default defineConfig({
  // Order matters: the budget reads the files precompress writes.
  plugins: [
    react(),
    fontFiles(fontCache, ['open-sans-400-normal', 'open-sans-700-normal', 'open-sans-400-italic']),
    precompress(outDir),
    bundleBudget(outDir),
  ],
  server: { port: 5173, strictPort: true, proxy: { '/api': `http://127.0.0.1:${bffPort}` } },
  build: {
    outDir,
    // Source maps are built for debugging; the BFF serves them only with BATCHOPS_SERVE_SOURCE_MAPS=true.
    sourcemap: true,
    // .vite/manifest.json: which chunks each route loads, for the budget and the bench (decision 0030).
    manifest: true,
    chunkSizeWarningLimit: 4000,
  },
});
