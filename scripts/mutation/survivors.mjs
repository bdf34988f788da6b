#!/usr/bin/env node
// Lists the mutants a run left alive (survived or not covered) from .tools/mutation/report.json,
// one line each with its place and replacement: the worklist of tests to write (README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const reportPath =
  process.argv[2] ?? join(import.meta.dirname, '..', '..', '.tools', 'mutation', 'report.json');
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
for (const [file, { source, mutants }] of Object.entries(report.files)) {
  const lines = source.split('\n');
  for (const m of mutants) {
    if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
    const { line, column } = m.location.start;
    const original = lines[line - 1].trim();
    const replacement = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 100);
    console.log(
      `${file}:${line}:${column} ${m.status} ${m.mutatorName} | ${original.slice(0, 100)} => ${replacement}`,
    );
  }
}
