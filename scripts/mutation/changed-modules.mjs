#!/usr/bin/env node
// The critical modules (stryker.config.mjs `mutate`) that changed since a git ref, comma-separated for
// `stryker run --mutate`; prints nothing when none did. CI can mutate just those (README.md).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const { default: config } = await import(join(root, 'stryker.config.mjs'));
const base = process.argv[2] ?? 'HEAD~1';
const changed = execFileSync('git', ['diff', '--name-only', base, '--', ...config.mutate], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter(Boolean);
if (changed.length > 0) console.log(changed.join(','));
