import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 23 §4: the README's tables name every variable of ours the code reads, and only those.
const root = join(import.meta.dirname, '..', '..');
/** Our variables; the tools' own (AWS_*, PATH, NODE_OPTIONS, PLAYWRIGHT_*) are documented by the tools. */
const OURS = /^(BATCHOPS|E2E|BENCH)_[A-Z0-9_]+$/;
const SKIP = new Set([
  'node_modules',
  'dist',
  '.pack',
  '.tools',
  '.git',
  'test-results',
  'playwright-report',
]);
const SOURCE = /\.(ts|tsx|mjs|js|cjs|py)$/;
const READS = [
  /process\.env(?:\.|\[['"])([A-Z][A-Z0-9_]*)/g,
  /\benv(?:\.|\[['"])([A-Z][A-Z0-9_]*)/g,
  /os\.environ(?:\.get\(|\[)["']([A-Z][A-Z0-9_]*)/g,
];
// The BFF parses its environment with one zod schema: its keys are what it reads.
const SCHEMA_KEY = /^ {2}([A-Z][A-Z0-9_]+):/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return SOURCE.test(e.name) && !e.name.endsWith('readme-env.test.ts') ? [p] : [];
  });
}

function variablesRead(): Map<string, string> {
  const found = new Map<string, string>();
  // The repository's own config files (vitest.config.ts, stryker.config.mjs) read variables too.
  const rootFiles = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name))
    .map((e) => join(root, e.name));
  const parts = ['apps', 'packages', 'e2e', 'scripts', 'examples'].flatMap((p) => sourceFiles(join(root, p)));
  for (const file of [...rootFiles, ...parts]) {
    const text = readFileSync(file, 'utf8');
    const patterns = file.endsWith(join('bff', 'src', 'config.ts')) ? [...READS, SCHEMA_KEY] : READS;
    for (const re of patterns)
      for (const m of text.matchAll(re))
        if (m[1] && OURS.test(m[1]) && !found.has(m[1])) found.set(m[1], relative(root, file));
  }
  return found;
}

function variablesDocumented(): Set<string> {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const names = new Set<string>();
  for (const line of readme.split('\n')) {
    if (!line.startsWith('|')) continue;
    const first = line.split('|')[1] ?? '';
    for (const m of first.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) if (m[1] && OURS.test(m[1])) names.add(m[1]);
  }
  return names;
}

describe('README environment variables', () => {
  it('finds reads in the code (the scan itself works)', () => {
    const read = variablesRead();
    expect(read.get('BATCHOPS_MODE')).toBe(join('apps', 'bff', 'src', 'config.ts'));
    expect(read.has('BATCHOPS_LOCAL_AWS_CREDENTIALS')).toBe(true);
    expect(read.has('BATCHOPS_LOCAL_AWS_COMMAND')).toBe(true);
  });

  it('documents every variable the code reads, and none it does not', () => {
    const read = variablesRead();
    const documented = variablesDocumented();
    const undocumented = [...read].filter(([name]) => !documented.has(name)).map(([n, f]) => `${n} (${f})`);
    const stale = [...documented].filter((name) => !read.has(name));
    expect({ undocumented, stale }).toEqual({ undocumented: [], stale: [] });
  });
});
