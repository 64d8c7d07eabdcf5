/**
 * Starts the OKE counterpart:
 * `node dist/test/counterpart/bin.js --port N [--dataset generated|examples|variants] [--seed S] [--now ISO-INSTANT] [--token-ttl SECONDS] [--config-out FILE]`.
 * Prints one JSON line `{"baseUrl": …, "config": …}` to stdout when ready and
 * runs until SIGINT or SIGTERM. With --config-out it also writes `config` as
 * a ready oke-lokaal config file. Logs go to stderr.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import pino from 'pino';

import { DATASET_NAMES, isDatasetName, type DatasetName } from './datasets';
import { startCounterpart } from './server';

function parseInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

function parseDataset(value: string | undefined): DatasetName {
  if (value === undefined) return 'generated';
  if (!isDatasetName(value)) throw new Error(`--dataset must be one of ${DATASET_NAMES.join(', ')}, got "${value}"`);
  return value;
}

function parseInstant(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const instant = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(instant.getTime())) {
    throw new Error(`--now must be an RFC 3339 date-time such as 2026-06-04T09:00:00+02:00, got "${value}"`);
  }
  return instant;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      dataset: { type: 'string' },
      seed: { type: 'string' },
      now: { type: 'string' },
      'token-ttl': { type: 'string' },
      'config-out': { type: 'string' },
    },
  });
  const logger = pino({ level: process.env.OKE_COUNTERPART_LOG_LEVEL ?? 'info' }, pino.destination(2));
  const counterpart = await startCounterpart({
    port: parseInteger('port', values.port, 0),
    dataset: parseDataset(values.dataset),
    now: parseInstant(values.now),
    seed: parseInteger('seed', values.seed, 1),
    tokenTtlSeconds: parseInteger('token-ttl', values['token-ttl'], 3600),
    logger,
  });
  if (values['config-out']) writeFileSync(values['config-out'], `${JSON.stringify(counterpart.config, null, 2)}\n`);
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
