/**
 * Starts the OKE counterpart: `node dist/test/counterpart/bin.js --port N [--seed S]`.
 * Prints one JSON line `{"baseUrl": …, "config": …}` to stdout when ready and
 * runs until SIGINT or SIGTERM. Logs go to stderr.
 */
import { parseArgs } from 'node:util';

import pino from 'pino';

import { startCounterpart } from './server';

function parseInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      seed: { type: 'string' },
      'token-ttl': { type: 'string' },
    },
  });
  const logger = pino({ level: process.env.OKE_COUNTERPART_LOG_LEVEL ?? 'info' }, pino.destination(2));
  const counterpart = await startCounterpart({
    port: parseInteger('port', values.port, 0),
    seed: parseInteger('seed', values.seed, 1),
    tokenTtlSeconds: parseInteger('token-ttl', values['token-ttl'], 3600),
    logger,
  });
  process.stdout.write(`${JSON.stringify({ baseUrl: counterpart.baseUrl, config: counterpart.config })}\n`);

  const stop = (signal: string): void => {
    logger.info({ signal }, 'stopping counterpart');
    counterpart.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'counterpart did not close cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`counterpart failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
