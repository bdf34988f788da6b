import type { Plugin } from 'vite';
import { checkJobListBudget, jobListBudgetKb } from './route-bytes.mjs';

/**
 * Fails `vite build` when the job list's first load (brotli, as served) passes its budget; after
 * precompress, whose `.br` files it reads (both hooks are sequential, in plugin order).
 */
export function bundleBudget(outDir: string): Plugin {
  return {
    name: 'batchops-bundle-budget',
    apply: 'build',
    closeBundle: {
      sequential: true,
      handler() {
        const { files, bytes } = checkJobListBudget(outDir);
        this.info(
          `job list first load: ${(bytes.br / 1000).toFixed(1)} kB brotli, ${(bytes.gzip / 1000).toFixed(1)} kB gzip in ${files.length} files (budget ${jobListBudgetKb} kB brotli)`,
        );
      },
    },
  };
}
