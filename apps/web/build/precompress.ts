import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text the BFF serves precompressed (apps/bff/src/web/serve-spa.ts); maps are not served by default. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt)$/;

const br = promisify(brotliCompress);
const gz = promisify(gzip);

/** Writes `<file>.br` and `<file>.gz` beside one file, at the highest levels. */
async function compressBeside(file: string): Promise<void> {
  const bytes = await readFile(file);
  await Promise.all([
    br(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).then((out) => writeFile(`${file}.br`, out)),
    gz(bytes, { level: constants.Z_BEST_COMPRESSION }).then((out) => writeFile(`${file}.gz`, out)),
  ]);
}

/**
 * Writes `.br` and `.gz` beside each text file of the build (once per build, not per request);
 * sequential, so checks that read them (bundle-budget.ts) run after it.
 */
export function precompress(outDir: string): Plugin {
  return {
    name: 'batchops-precompress',
    apply: 'build',
    closeBundle: {
      sequential: true,
      async handler() {
        const names = await readdir(outDir, { recursive: true });
        // Not what the build keeps for itself (.vite/manifest.json): the BFF never serves it.
        const files = names.filter((n) => COMPRESSIBLE.test(n) && !n.startsWith(`.vite${sep}`));
        await Promise.all(
          files.map(async (n) => {
            const file = join(outDir, n);
            if ((await stat(file)).isFile()) await compressBeside(file);
          }),
        );
      },
    },
  };
}
