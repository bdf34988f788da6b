// Console first load: the bytes a browser transfers for the job list's first visit — index.html and
// every asset it references (entry script, module preloads, stylesheets) — as the BFF serves the
// built SPA (`src/web/serve-spa.ts`), with brotli, gzip and no compression. Goal (issue 22 §3):
// ≤ 450 KB transferred. Needs `pnpm --filter @batchops/web build` and `pnpm --filter @batchops/bff build`.
// Route chunks loaded later (dynamic imports) are not part of the first load.
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { failBench, limitBenchTime } from '../../../packages/local-aws/bench/time-limit.mjs';
import { serveSpa } from '../dist/web/serve-spa.js';

limitBenchTime('first-load bench', { quickSeconds: 60, fullSeconds: 120 });

const GOAL_KB = 450;
const webDir = fileURLToPath(new URL('../../web/dist', import.meta.url));
if (!existsSync(`${webDir}/index.html`))
  failBench('first-load bench', `${webDir}/index.html is missing: build apps/web first`);

const server = express().use(serveSpa(webDir)).listen(0, '127.0.0.1');
await new Promise((ok) => server.once('listening', ok));
const { port } = server.address();

/** Bytes on the wire for one GET (headers aside) and the body as text when it is not compressed. */
function get(path, encoding) {
  return new Promise((ok, fail) => {
    const req = request({ port, path, headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode !== 200) return fail(new Error(`GET ${path}: ${res.statusCode}`));
        const body = Buffer.concat(chunks);
        ok({
          bytes: body.length,
          encoding: res.headers['content-encoding'] ?? 'identity',
          text: body.toString(),
        });
      });
    });
    req.on('error', fail);
    req.end();
  });
}

const index = await get('/', 'identity');
const assets = [...index.text.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
const rows = [];
for (const encoding of ['br', 'gzip', 'identity']) {
  let total = (await get('/', encoding)).bytes;
  const served = new Set();
  for (const path of assets) {
    const r = await get(path, encoding);
    total += r.bytes;
    served.add(r.encoding);
  }
  rows.push({ encoding, total, served: [...served].join('/') });
}
server.close();

console.log(`\nconsole first load (job list): index.html + ${assets.length} assets (${assets.join(', ')})`);
console.log(`| accept-encoding | transferred | served as     | goal             |`);
console.log(`|-----------------|-------------|---------------|------------------|`);
for (const r of rows) {
  const kb = r.total / 1000;
  const goal = r.encoding === 'identity' ? '' : `≤ ${GOAL_KB} KB ${kb <= GOAL_KB ? 'met' : 'MISSED'}`;
  console.log(
    `| ${r.encoding.padEnd(15)} | ${`${kb.toFixed(0)} KB`.padStart(11)} | ${r.served.padEnd(13)} | ${goal.padEnd(16)} |`,
  );
}
