import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bytesOf, checkJobListBudget, lazyRouteModules, readManifest, routeFiles } from './route-bytes.mjs';

/** A build as Vite writes it: a manifest, index.html naming the entry, files and their .br/.gz siblings. */
function fakeBuild(dir: string, sizes: Record<string, number>) {
  mkdirSync(join(dir, 'dist', '.vite'), { recursive: true });
  mkdirSync(join(dir, 'dist', 'assets'));
  mkdirSync(join(dir, 'src', 'routes'), { recursive: true });
  writeFileSync(join(dir, 'src', 'routes', 'jobs-page.tsx'), '');
  const manifest = {
    'index.html': {
      file: 'assets/index-A.js',
      src: 'index.html',
      isEntry: true,
      css: ['assets/index-A.css'],
      dynamicImports: ['src/routes/create-job-page.tsx', 'src/routes/job-details-page.tsx'],
    },
    'src/routes/create-job-page.tsx': {
      file: 'assets/create-job-page-B.js',
      isDynamicEntry: true,
      imports: ['_shared-C.js'],
      css: ['assets/create-job-page-B.css'],
    },
    'src/routes/job-details-page.tsx': {
      file: 'assets/job-details-page-D.js',
      isDynamicEntry: true,
      imports: ['_shared-C.js'],
    },
    '_shared-C.js': { file: 'assets/shared-C.js', imports: ['index.html'] },
  };
  writeFileSync(join(dir, 'dist', '.vite', 'manifest.json'), JSON.stringify(manifest));
  const html =
    '<script type="module" crossorigin src="/assets/index-A.js"></script>' +
    '<link rel="stylesheet" crossorigin href="/assets/index-A.css">' +
    '<link rel="preload" as="font" type="font/woff2" href="/assets/font-E.woff2" crossorigin="">';
  const files: Record<string, string> = { 'index.html': html };
  for (const [file, size] of Object.entries(sizes)) files[file] = 'x'.repeat(size);
  for (const [file, text] of Object.entries(files)) {
    writeFileSync(join(dir, 'dist', file), text);
    // Fonts are sent as they are (woff2 is compressed already): no siblings.
    if (file.endsWith('.woff2')) continue;
    writeFileSync(join(dir, 'dist', `${file}.br`), text.slice(0, Math.ceil(text.length / 4)));
    writeFileSync(join(dir, 'dist', `${file}.gz`), text.slice(0, Math.ceil(text.length / 3)));
  }
}

const SIZES = {
  'assets/index-A.js': 1_200_000,
  'assets/index-A.css': 200_000,
  'assets/font-E.woff2': 20_000,
  'assets/create-job-page-B.js': 80_000,
  'assets/create-job-page-B.css': 8_000,
  'assets/job-details-page-D.js': 120_000,
  'assets/shared-C.js': 4_000,
};

describe('route bytes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'route-bytes-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('counts what index.html loads for the job list, and a lazy route its own chunks on top', () => {
    fakeBuild(dir, SIZES);
    const dist = join(dir, 'dist');
    const manifest = readManifest(dist);
    const first = ['index.html', 'assets/index-A.js', 'assets/index-A.css', 'assets/font-E.woff2'];
    expect(routeFiles(dist, manifest, 'src/routes/jobs-page.tsx').sort()).toEqual([...first].sort());
    expect(routeFiles(dist, manifest, 'src/routes/create-job-page.tsx').sort()).toEqual(
      [...first, 'assets/create-job-page-B.js', 'assets/create-job-page-B.css', 'assets/shared-C.js'].sort(),
    );
    expect(lazyRouteModules(manifest)).toEqual([
      'src/routes/create-job-page.tsx',
      'src/routes/job-details-page.tsx',
    ]);
  });

  it('takes the .br and .gz siblings as the bytes sent, and a font as it is', () => {
    fakeBuild(dir, SIZES);
    const bytes = bytesOf(join(dir, 'dist'), ['assets/index-A.js', 'assets/font-E.woff2']);
    expect(bytes).toEqual({ br: 300_000 + 20_000, gzip: 400_000 + 20_000, identity: 1_220_000 });
  });

  it('passes a job list within its budget and fails one past it, naming the largest files', () => {
    fakeBuild(dir, SIZES);
    const dist = join(dir, 'dist');
    // 300,000 + 50,000 + 20,000 + the html's quarter: about 370 kB brotli.
    expect(checkJobListBudget(dist, { budgetKb: 371 }).bytes.br).toBeLessThanOrEqual(371_000);
    expect(() => checkJobListBudget(dist, { budgetKb: 369 })).toThrow(
      /first load of jobs \(src\/routes\/jobs-page\.tsx\) is 370\.\d kB brotli, over its budget of 369 kB \(largest: assets\/index-A\.js 300\.0 kB/,
    );
  });

  it('fails when the job list is neither a chunk nor a source file (a renamed page)', () => {
    fakeBuild(dir, SIZES);
    expect(() => checkJobListBudget(join(dir, 'dist'), { module: 'src/routes/job-list-page.tsx' })).toThrow(
      /neither a chunk of the build nor a source file/,
    );
  });
});
