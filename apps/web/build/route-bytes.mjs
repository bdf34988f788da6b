// @ts-check
// What a first visit of each console route transfers, from the build's own manifest: shared by the
// build's bundle budget (bundle-budget.ts) and the bench (../bench/route-bytes-bench.mjs).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * @typedef {{ file: string, src?: string, isEntry?: boolean, isDynamicEntry?: boolean,
 *   imports?: string[], css?: string[] }} ManifestChunk
 * @typedef {Record<string, ManifestChunk>} Manifest
 * @typedef {{ br: number, gzip: number, identity: number }} Bytes
 */

/** Where the console opens: the route whose first load the budget guards (issue 22 §3). */
export const jobListModule = 'src/routes/jobs-page.tsx';
/** The job list's first-load goal, brotli, in kB (1,000 bytes) as the issue counts them. */
export const jobListGoalKb = 450;
/**
 * The budget the build enforces: the goal (448 kB since the job list reads operation labels from
 * contracts instead of the operation registry, which loads the wizard's forms; decision 0030).
 */
export const jobListBudgetKb = jobListGoalKb;

/** @param {string} distDir @returns {Manifest} */
export function readManifest(distDir) {
  return JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8'));
}

/** `src/routes/create-job-page.tsx` → `create job`. @param {string} module */
export const routeName = (module) =>
  basename(module)
    .replace(/(-page)?\.[jt]sx?$/, '')
    .replaceAll('-', ' ');

/** Each page module that is a chunk of its own (a lazy route), in manifest order. @param {Manifest} manifest */
export const lazyRouteModules = (manifest) =>
  Object.entries(manifest)
    .filter(([key, c]) => c.isDynamicEntry && key.startsWith('src/routes/'))
    .map(([key]) => key);

/**
 * A chunk's file, the chunks it imports statically (the browser fetches them before it runs) and
 * the CSS of all of them. @param {Manifest} manifest @param {string} key @param {Set<string>} into
 */
function addClosure(manifest, key, into) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`route-bytes: ${key} is not a chunk of the build (.vite/manifest.json)`);
  if (into.has(chunk.file)) return;
  into.add(chunk.file);
  for (const css of chunk.css ?? []) into.add(css);
  for (const imported of chunk.imports ?? []) addClosure(manifest, imported, into);
}

/**
 * The files (relative to the build directory) a first visit of the route of `module` fetches:
 * index.html and what it references (entry script, module preloads, stylesheets, preloaded fonts),
 * then the module's own chunk and its imports when the route is lazy. Fonts a page uses without a
 * preload are not counted. @param {string} distDir @param {Manifest} manifest @param {string} module
 * @param {string} [root] the package the module path is relative to (the build directory's parent)
 */
export function routeFiles(distDir, manifest, module, root = join(distDir, '..')) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = new Set(['index.html']);
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/([^"]+)"/g)) files.add(m[1] ?? '');
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (entry) addClosure(manifest, entry, files);
  if (manifest[module]) addClosure(manifest, module, files);
  else if (!existsSync(join(root, module)))
    throw new Error(`route-bytes: ${module} is neither a chunk of the build nor a source file`);
  return [...files];
}

/**
 * What `files` transfer as the BFF serves them (apps/bff/src/web/serve-spa.ts): the `.br` / `.gz`
 * sibling when the build wrote one, else the file itself. @param {string} distDir @param {string[]} files
 * @returns {Bytes}
 */
export function bytesOf(distDir, files) {
  const size = (/** @type {string} */ f) => statSync(join(distDir, f)).size;
  const encoded = (/** @type {string} */ f, /** @type {string} */ ext) =>
    existsSync(join(distDir, f + ext)) ? size(f + ext) : size(f);
  const total = { br: 0, gzip: 0, identity: 0 };
  for (const f of files) {
    total.br += encoded(f, '.br');
    total.gzip += encoded(f, '.gz');
    total.identity += size(f);
  }
  return total;
}

/**
 * The job list's first load against its budget: its bytes, or an error naming the largest files
 * when brotli passes the budget.
 * @param {string} distDir @param {{ module?: string, budgetKb?: number, root?: string }} [options]
 */
export function checkJobListBudget(
  distDir,
  { module = jobListModule, budgetKb = jobListBudgetKb, root } = {},
) {
  const files = routeFiles(distDir, readManifest(distDir), module, root);
  const bytes = bytesOf(distDir, files);
  if (bytes.br <= budgetKb * 1000) return { files, bytes };
  const largest = files
    .map((f) => ({ f, br: bytesOf(distDir, [f]).br }))
    .sort((a, b) => b.br - a.br)
    .slice(0, 5)
    .map(({ f, br }) => `${f} ${(br / 1000).toFixed(1)} kB`);
  throw new Error(
    `bundle budget: the first load of ${routeName(module)} (${module}) is ${(bytes.br / 1000).toFixed(1)} kB brotli, over its budget of ${budgetKb} kB (largest: ${largest.join(', ')}). Split what it does not need into a lazy route (decision 0030).`,
  );
}
