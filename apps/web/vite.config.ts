import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const OUT_DIR = 'dist';
/** Text the BFF serves precompressed (apps/bff/src/web/serve-spa.ts); maps are not served by default. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt)$/;

/** Writes `<file>.br` and `<file>.gz` beside each text file of the build, at the highest levels (once per build, not per request). */
function precompress(): Plugin {
  const br = promisify(brotliCompress);
  const gz = promisify(gzip);
  return {
    name: 'batchops-precompress',
    apply: 'build',
    async closeBundle() {
      const root = resolve(import.meta.dirname, OUT_DIR);
      const files = (await readdir(root, { recursive: true })).map((f) => join(root, f));
      await Promise.all(
        files
          .filter((f) => COMPRESSIBLE.test(f))
          .map(async (f) => {
            if (!(await stat(f)).isFile()) return;
            const bytes = await readFile(f);
            const size = bytes.length;
            await Promise.all([
              br(bytes, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                  [constants.BROTLI_PARAM_SIZE_HINT]: size,
                },
              }).then((out) => writeFile(`${f}.br`, out)),
              gz(bytes, { level: constants.Z_BEST_COMPRESSION }).then((out) => writeFile(`${f}.gz`, out)),
            ]);
          }),
      );
    },
  };
}

// In dev the SPA runs on Vite (5173) and the API on the BFF, on BATCHOPS_PORT as the BFF reads it.
const bffPort = process.env.BATCHOPS_PORT ?? '8080';

export default defineConfig({
  plugins: [react(), precompress()],
  server: { port: 5173, strictPort: true, proxy: { '/api': `http://127.0.0.1:${bffPort}` } },
  // Source maps are built for debugging; the BFF serves them only with BATCHOPS_SERVE_SOURCE_MAPS=true.
  build: { outDir: OUT_DIR, sourcemap: true, chunkSizeWarningLimit: 4000 },
});
