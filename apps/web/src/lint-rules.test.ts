import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** A scratch tree linted with the repository's own rules (its biome.json, without the VCS settings). */
function lintScratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'batchops-lint-'));
  scratch.push(dir);
  const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8'));
  const { linter, overrides } = config;
  writeFileSync(
    join(dir, 'biome.json'),
    JSON.stringify({ linter, overrides, formatter: { enabled: false } }),
  );
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  try {
    execFileSync(join(root, 'node_modules/.bin/biome'), ['lint', '--max-diagnostics=50', '.'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return '';
  } catch (e) {
    const { stdout, stderr } = e as { stdout: string; stderr: string };
    return `${stdout}${stderr}`;
  }
}
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('the lint rules of decision 0001', () => {
  it('fail on an import cycle, a feature importing another, and http/ importing the dispatcher', () => {
    const out = lintScratch({
      'apps/web/src/features/jobs/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'apps/web/src/features/jobs/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
      'apps/web/src/features/jobs/uses-buckets.ts':
        "import { x } from '../buckets/api/x';\nexport const y = x;\n",
      'apps/web/src/features/buckets/api/x.ts': 'export const x = 1;\n',
      'packages/local-aws/src/http/handler-types.ts':
        "import { handle } from './request-handler.js';\nexport const h = handle;\n",
      'packages/local-aws/src/http/request-handler.ts': 'export const handle = 1;\n',
    });
    expect(out).toMatch(/features\/jobs\/a\.ts[^\n]*noImportCycles/);
    expect(out).toMatch(/features\/jobs\/uses-buckets\.ts[^\n]*noRestrictedImports/);
    expect(out).toContain('Features never import each other');
    expect(out).toMatch(/http\/handler-types\.ts[^\n]*noRestrictedImports/);
  });

  it('let a feature use components/ and lib/', () => {
    const out = lintScratch({
      'apps/web/src/features/replication/ok.ts': "import { z } from '../../lib/z';\nexport const ok = z;\n",
      'apps/web/src/lib/z.ts': 'export const z = 1;\n',
    });
    expect(out).toBe('');
  });
});
