// Loaded with --import in the Node 24 test run: better-sqlite3's native module in node_modules is
// built for Node 20, so its path resolves to the copy built for this Node (scripts/batchops.mjs).
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

const binding = process.env.BATCHOPS_SQLITE_BINDING;
if (binding) {
  const url = pathToFileURL(binding).href;
  registerHooks({
    resolve(specifier, context, next) {
      if (specifier.endsWith('/build/Release/better_sqlite3.node'))
        return { url, format: 'addon', shortCircuit: true };
      return next(specifier, context);
    },
  });
}
