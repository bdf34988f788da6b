import { ConfigError, loadConfig } from './config.js';
import { keepServingOnErrors } from './errors/process-errors.js';
import { startConsole } from './server.js';

const log = (line: string) => console.log(`[batchops] ${line}`);

keepServingOnErrors(process, (line) => console.error(`[batchops] ${line}`));

try {
  const config = loadConfig();
  const running = await startConsole(config, log);
  log(`console: ${running.url}  (mode ${config.mode}, region ${config.region}, account ${config.accountId})`);
  if (running.localAws)
    log(
      `local AWS endpoint: ${running.localAws.url}  (access key ${config.mode === 'local' ? config.localAws.accessKeyId : ''})`,
    );
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  if (e instanceof ConfigError) console.error(`[batchops] ${e.message}`);
  else if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(
      `[batchops] ${(e as Error).message}: is another console running? Set BATCHOPS_PORT / BATCHOPS_LOCAL_AWS_PORT.`,
    );
  } else console.error(e);
  process.exit(1);
}
