// Console bytes per route: what a first visit of each route transfers — index.html and what it
// references, then the route's own chunks when it is lazy (../build/route-bytes.mjs, the files the
// build's budget counts) — fetched through the BFF's SPA server (apps/bff/src/web/serve-spa.ts) with
// brotli and with gzip. Goal (issue 22 §3): the job list ≤ 450 KB. Needs the web and bff builds.
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { recordFigure } from '../../../packages/local-aws/bench/figures.mjs';
import { failBench, limitBenchTime } from '../../../packages/local-aws/bench/time-limit.mjs';
import { serveSpa } from '../../bff/dist/web/serve-spa.js';
import {
  jobListBudgetKb,
  jobListGoalKb,
  jobListModule,
  lazyRouteModules,
  readManifest,
  routeFiles,
  routeName,
} from '../build/route-bytes.mjs';

// The BFF's own Express, which serveSpa's router is written for.
const express = createRequire(new URL('../../bff/package.json', import.meta.url))('express');

const NAME = 'route-bytes bench';
limitBenchTime(NAME, { quickSeconds: 60, fullSeconds: 120 });

const webDir = fileURLToPath(new URL('../dist', import.meta.url));
if (!existsSync(`${webDir}/.vite/manifest.json`))
  failBench(NAME, `${webDir}/.vite/manifest.json is missing: build apps/web first`);

const server = express().use(serveSpa(webDir)).listen(0, '127.0.0.1');
await new Promise((ok) => server.once('listening', ok));
const { port } = server.address();

/** Body bytes on the wire for one GET, and the encoding it came in. */
function get(path, encoding) {
  return new Promise((ok, fail) => {
    const req = request({ port, path, headers: { 'accept-encoding': encoding } }, (res) => {
      let bytes = 0;
      res.on('data', (c) => {
        bytes += c.length;
      });
      res.on('end', () =>
        res.statusCode === 200
          ? ok({ bytes, encoding: res.headers['content-encoding'] ?? 'identity' })
          : fail(new Error(`GET ${path}: ${res.statusCode}`)),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

/** Transferred bytes of `files` with one Accept-Encoding; every text file must come compressed. */
async function transferred(files, encoding) {
  let total = 0;
  for (const file of files) {
    const r = await get(file === 'index.html' ? '/' : `/${file}`, encoding);
    if (!file.endsWith('.woff2') && r.encoding !== encoding)
      failBench(NAME, `${file} came as ${r.encoding} to a client that accepts ${encoding}`);
    total += r.bytes;
  }
  return total;
}

const manifest = readManifest(webDir);
const jobList = routeFiles(webDir, manifest, jobListModule);
const rows = [];
for (const module of [jobListModule, ...lazyRouteModules(manifest)]) {
  const files = routeFiles(webDir, manifest, module);
  const own = files.filter((f) => !jobList.includes(f));
  rows.push({
    route: module === jobListModule ? 'job list' : routeName(module),
    files: files.length,
    br: await transferred(files, 'br'),
    gzip: await transferred(files, 'gzip'),
    afterList: await transferred(own, 'br'),
  });
}
server.close();

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log(`\nconsole bytes per route (first visit, as serve-spa sends them; KB = 1,000 bytes)`);
console.log(
  '| route                 | files | brotli   | gzip     | brotli after the job list | goal                          |',
);
console.log(
  '|-----------------------|-------|----------|----------|---------------------------|-------------------------------|',
);
for (const r of rows) {
  const isList = r.route === 'job list';
  const verdict = r.br <= jobListGoalKb * 1000 ? 'met' : 'MISSED';
  const goal = isList ? `≤ ${jobListGoalKb} KB ${verdict} (budget ${jobListBudgetKb})` : '';
  recordFigure({
    bench: 'web',
    figure: isList ? 'job list first load, brotli' : `${r.route}, brotli after the job list`,
    value: (isList ? r.br : r.afterList) / 1000,
    unit: 'KB',
    goal: isList ? { atMost: jobListGoalKb } : undefined,
  });
  console.log(
    `| ${r.route.padEnd(21)} | ${String(r.files).padStart(5)} | ${kb(r.br).padStart(8)} | ${kb(r.gzip).padStart(8)} | ${(isList ? '' : kb(r.afterList)).padStart(25)} | ${goal.padEnd(29)} |`,
  );
}
