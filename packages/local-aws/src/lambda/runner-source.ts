/**
 * The program each function's worker process runs (CommonJS, written next to the functions' code
 * at start): it loads the handler once, then runs one invocation per IPC message. Kept as text
 * because the worker must run plain Node without TypeScript, from `src` under the tests as from
 * `dist`. Messages in: `{ id, event, context }`; out: `{ id, ok, payload | error }`.
 */
export const RUNNER_SOURCE = String.raw`'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const root = process.env.LAMBDA_TASK_ROOT;
const spec = process.env._HANDLER;
let handler;
let current = null;
// Bytes written to stdout and stderr: each reply says how many, so the server's log of the
// invocation waits for them (the pipes and the IPC channel arrive in no set order).
let logged = 0;
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream);
  stream.write = (chunk, ...rest) => {
    logged += Buffer.byteLength(chunk, typeof rest[0] === 'string' ? rest[0] : 'utf8');
    return write(chunk, ...rest);
  };
}

function named(type, message) {
  const e = new Error(message);
  e.name = type;
  return e;
}

function errorPayload(e) {
  if (e instanceof Error) {
    return { errorType: e.name || 'Error', errorMessage: e.message, trace: String(e.stack || '').split('\n') };
  }
  return { errorType: e === null ? 'object' : typeof e, errorMessage: String(e), trace: [] };
}

function packageType(dir) {
  for (let d = dir; d.startsWith(root); d = path.dirname(d)) {
    const file = path.join(d, 'package.json');
    if (fs.existsSync(file)) {
      try {
        return JSON.parse(fs.readFileSync(file, 'utf8')).type === 'module' ? 'module' : 'commonjs';
      } catch {
        return 'commonjs';
      }
    }
    if (d === root) break;
  }
  return 'commonjs';
}

async function load() {
  const dot = spec.lastIndexOf('.');
  if (dot <= 0 || dot === spec.length - 1) throw named('Runtime.MalformedHandlerName', 'Bad handler ' + spec);
  const modName = spec.slice(0, dot);
  const base = path.resolve(root, modName);
  if (base !== root && !base.startsWith(root + path.sep)) throw named('Runtime.MalformedHandlerName', 'Bad handler ' + spec);
  const file = ['.js', '.mjs', '.cjs'].map((x) => base + x).find((f) => fs.existsSync(f));
  if (!file) throw named('Runtime.ImportModuleError', "Error: Cannot find module '" + modName + "'");
  const esm = file.endsWith('.mjs') || (file.endsWith('.js') && packageType(path.dirname(file)) === 'module');
  let mod;
  try {
    mod = esm ? await import(pathToFileURL(file).href) : require(file);
  } catch (e) {
    if (e instanceof SyntaxError) throw named('Runtime.UserCodeSyntaxError', String(e));
    throw named('Runtime.ImportModuleError', String(e));
  }
  let fn = mod;
  for (const part of spec.slice(dot + 1).split('.')) fn = fn == null ? undefined : fn[part];
  if (typeof fn !== 'function') throw named('Runtime.HandlerNotFound', spec + ' is undefined or not exported');
  return fn;
}

function run(fn, event, ctx) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = (err, result) => {
      if (settled) return;
      settled = true;
      if (err !== undefined && err !== null) reject(err);
      else resolve(result);
    };
    const deadline = Date.now() + ctx.remainingMs;
    const context = {
      functionName: ctx.functionName,
      functionVersion: '$LATEST',
      invokedFunctionArn: ctx.invokedFunctionArn,
      memoryLimitInMB: String(ctx.memoryLimitInMB),
      awsRequestId: ctx.requestId,
      logGroupName: '/aws/lambda/' + ctx.functionName,
      logStreamName: ctx.logStreamName,
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done,
      succeed: (r) => done(null, r),
      fail: (e) => done(e === undefined || e === null ? 'handled' : e),
    };
    if (ctx.clientContext) context.clientContext = ctx.clientContext;
    let returned;
    try {
      returned = fn(event, context, done);
    } catch (e) {
      done(e);
      return;
    }
    if (returned && typeof returned.then === 'function') {
      returned.then((v) => done(null, v), (e) => done(e === undefined || e === null ? new Error('Promise rejected with ' + e) : e));
    } else if (fn.length < 3) {
      // A synchronous handler without a callback answers null, as the Node.js runtime does.
      done(null, null);
    }
  });
}

function reply(message, then) {
  if (process.connected) process.send({ ...message, logged }, then);
}

process.on('uncaughtException', (e) => {
  if (current !== null) reply({ id: current, ok: false, error: errorPayload(e), fatal: true }, () => process.exit(129));
  else process.exit(129);
});
process.on('unhandledRejection', (e) => {
  if (current !== null) reply({ id: current, ok: false, error: errorPayload(e), fatal: true }, () => process.exit(128));
  else process.exit(128);
});
process.on('disconnect', () => process.exit(0));

process.on('message', async (msg) => {
  current = msg.id;
  try {
    if (!handler) {
      handler = await load();
      // Init is over: the function's timeout counts from here, as Lambda's invoke phase does.
      reply({ id: msg.id, init: true });
    }
    const result = await run(handler, JSON.parse(msg.event), msg.context);
    let payload = JSON.stringify(result === undefined ? null : result);
    if (payload === undefined) payload = 'null';
    current = null;
    reply({ id: msg.id, ok: true, payload });
  } catch (e) {
    current = null;
    reply({ id: msg.id, ok: false, error: errorPayload(e) });
  }
});
`;
