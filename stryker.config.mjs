// Mutation testing of the critical modules (issue 20): `npm run mutation` (incremental: only mutants
// in changed code or covered by changed tests run again). Scores: scripts/mutation/README.md.
// Survivors shown equivalent (no test can tell them apart), by module; `line: mutant — why`.
// batch-formats csv-manifest.ts
//   64: `first !== -1` → true — indexOf(name, 0) is -1 as well for a name that is not there.
//   118: `at <= chunk.length` — one more, empty, piece decodes to '' and reads a carry without '\n' again.
//   158: lastBucket 'Stryker was here!' — only a first row whose bucket field is exactly that non-name would tell.
//   160, 233: `vals`, `batch` start as ['Stryker was here'] — vals is written before it is read; no batch after the final one.
//   172: `carry.length > 0` → true or `>= 0` — '' + chunk is chunk.
//   182: `pos <= len` — at the end a non-final push finds no '\n' and stops; a final one skips an empty line.
//   193: `nextQuote < pos` → true or `<=` — looking for the next quote again finds the same one.
//   199, 263, 271, 280, 288: `end === -1` and the `return -1`s of a field reaching the end of a non-final chunk (→ false,
//     `c === 13` → true or `!==`, `> len`, `- 1`, `+1`, no coverage) — before the final chunk push calls parseQuoted only
//     with the line's '\n' in the text, so no field reaches the end there: -1 is never returned (dead code).
//   204: `lineEnd > pos` → true or `>=` — at lineEnd === pos the character before is the previous '\n', or none.
//   215: `comma > lineEnd` — lineEnd is a '\n', a '\r' or the end, never a comma.
//   227: `pos < len` → true or `<=` — text.slice(len) is ''.
//   256: `nl <= q` — a '\n' and a '"' are never at one index.
//   289: `e > p` → true or `>=` — at e === p the character before is a ',' or the previous '\n'.
//   293, 297, 298: `p < len` → true or `<=` — charCodeAt(len) is NaN; p past the end ends the loop the same way.
//   329: `deleteMarker !== -1` → true — vals[-1] is undefined, never 'true'.
//   333: `bucket === this.lastBucket` → false — checking the same name again gives the same verdict.
//   342: decode every key (→ true, `indexOf('')`) — decodeURIComponent leaves a key without '%' as it is.
//   350: the length shortcut → true or `>=` — counting every key gives the same verdict; 1024 / 3 is no integer.
//   379: `i + 1 < s.length` → true, `<=` or `i - 1` — charCodeAt past the end is NaN, no low surrogate.
// engine scheduler.ts (found by reading and by hand-planted mutants; no full run since 857dfdd)
//   128, 156: `!r.finishing`, `run.finishing` → true or false — maybeFinish deletes a finishing run in the same turn.
//   174: `if (run.drained)` → false — a finished async iterator answers done again.
//   257: `run.queue.length === 0` → true — a drained run's queue is empty (unshift is only for runs that stopped).
//   140: the group's tie-break `a.job.creationTime - b.job.creationTime` (→ `+`) — runnable is already in
//     compareSchedulingOrder's order (oldest first) and Array#sort is stable.
//   157: `run.queue.unshift(task)` — a run that went or stopped never hands out a task again.
// batch-formats completion-report.ts
//   87: `e instanceof CsvSyntaxError` → true — parseCsvRecords throws nothing else on a string.
//   95, 101, 102: `taskStatus?.`, `bucket ?? ''`, `key ?? ''` — a row has ≥ 4 fields by then: all strings.
// batch-formats console-status.ts
//   51: `exact > 0` → true or `>= 0` — failed > 0 by then, so the share is above 0.
// batch-formats job-permissions.ts
//   84: `/^arn:[^:]+:s3:::/` without `^` — a target with `arn:…:s3:::` past its start is no bucket ARN either way.
//   175: the legal hold's `{ LegalHold: { Status: 'ON' } }` emptied — its row reads no parameter.
//   183: the copy tag's `{ Key: 'k', Value: 'v' }` emptied — the row reads only how many tags there are.
// batch-formats replication-rules.ts: no survivor.
// engine report/completion-report.ts
//   29, 34: `if (exhausted)` → false, `exhausted = false` — asking the store past its last result returns nothing again.
//   44, 45: `while (r && r.idx < idx)` → false, `ri--` — each result's idx is a manifest line, read in order.
//   69: `f.rows++` → `--` — rows is only compared with 0.
// bff web/allowed-hosts.ts
//   13: `end > 0` → `>= 0` — the name starts with '[', so ']' is never at 0.
//   30: `n === undefined ||` → false — allowed.has(undefined) is false as well.
// bff web/same-origin.ts
//   11: the empty catch block — it returns undefined either way.
//   16: `req.get('host') ?? ''` → other text — no Host makes no URL either way.
// local-aws iam/policy-evaluation.ts
//   54: no exact-match shortcut — the glob loop compares a pattern without wildcards exactly too.
//   61, 64, 72: `pi < p.length` → true or `<=` — p[p.length] is undefined: neither a character nor '*'.
//   110: `st.notAction ?? []` — a statement has Action or NotAction (parsePolicy).
//   84, 87: every pattern a glob, or no `*` shortcut — a glob without wildcards compares exactly.
//   102, 115: compile again each time / no cache — the same matcher, only slower.
//   113: `st.notResource ?? []` → ['Stryker was here'] — trust statements name no resource: both match all.
//   145: StringNotLike's `return` removed — it falls through to the Arn cases' same wildcardMatch.
//   160: the NaN guard — comparisons with NaN are false, and a negated one negates false the same way.
//   161: `/^(numeric|date)/` → `/(numeric|date)/` — the base starts with it.
//   166, 167: the last `cmp` test and `return false` — parsePolicy admits no other operator.
//   237: `st.principal?.Service ?? []` — a trust statement has a Principal (parsePolicy).
//   243: `st.effect === 'Allow' &&` → true — an applying Deny has returned false the line before.
// local-aws sigv4/verify-sigv4.ts (line numbers at b541327)
//   68: `rawQuery === ''` → false — the general path makes '' of an empty query too (planted by hand:
//       55 tests pass). `return ''` → 'Stryker was here!' is reported surviving, yet planted by hand it
//       turns 5 tests red (verify-sigv4.test.ts, -rules): a Stryker result not understood, not equivalent.
//   72: `av > bv ? 1 : 0` changed (true, false, `>=`, `<=`) or `av < bv` → `<=` — V8's sort asks only
//       whether the result is below 0, and entries equal in key and value are the same text.
//   89, 367: `'utf8'` → '' — Node reads an empty encoding as UTF-8, its default.
//   96, 98, 99: the signing-key cache (always derive, bound changed or dropped, never `set`) — the same
//       key either way; the bound only caps memory.
//   106: `s?.match` → `s.match` — only a string reaches it (requestDate tests undefined first).
//   117: `date === undefined` → false — undefined reaches the same undefined through the HTTP-date test.
//   285, 287: the root principal cache (always made, never kept) — the same principal either way.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'scripts/mutation/vitest.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'packages/local-aws/src/iam/policy-evaluation.ts',
    'packages/local-aws/src/sigv4/verify-sigv4.ts',
    'packages/batch-formats/src/csv-manifest.ts',
    'packages/batch-formats/src/csv.ts',
    'packages/batch-formats/src/job-status.ts',
    'packages/batch-formats/src/console-status.ts',
    'packages/batch-formats/src/job-permissions.ts',
    'packages/batch-formats/src/completion-report.ts',
    'packages/batch-formats/src/replication-rules.ts',
    'packages/engine/src/scheduler.ts',
    'packages/engine/src/report/completion-report.ts',
    'packages/local-aws/src/iam/job-roles.ts',
    'apps/bff/src/web/allowed-hosts.ts',
    'apps/bff/src/web/same-origin.ts',
  ],
  // The sandbox copies what the unit tests need: not the tools, the console, e2e or the examples.
  ignorePatterns: ['.tools', 'apps/web', 'e2e', 'examples', 'docs', '**/test-results', '**/*.tgz'],
  ignoreStatic: true,
  incremental: true,
  incrementalFile: '.tools/mutation/stryker-incremental.json',
  tempDirName: '.tools/mutation/tmp',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: '.tools/mutation/report.json' },
  thresholds: { high: 90, low: 80, break: null },
  concurrency: 2,
  timeoutMS: 20_000,
};
