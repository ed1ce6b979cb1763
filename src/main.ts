import 'reflect-metadata';
import { loadConfig } from './config';
import { createLogger, describeError } from './ops/logger';
import { startServer } from './server';
import { describeFatal } from './ops/startup-error';

/** stop() gets this long, from the signal, before the process gives up and exits 1. */
const SHUTDOWN_DEADLINE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const app = await startServer(config, { logger });

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `${signal}: stopping`);
    setTimeout(() => {
      logger.error(`shutdown took longer than ${SHUTDOWN_DEADLINE_MS} ms; exiting`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    try {
      await app.stop();
      process.exit(0);
    } catch (error) {
      logger.error({ err: describeError(error) }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error(describeFatal(error));
  process.exit(1);
});
