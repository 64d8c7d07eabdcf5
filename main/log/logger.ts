/**
 * The one logger: pino, JSON lines. The CLI and the hosts write to
 * `<data dir>/logs/oke-lokaal.log`; `OKE_LOKAAL_LOG_LEVEL` sets the level
 * (default `info`). Log ids and HTTP statuses, never tokens, secrets or
 * personal data beyond an id.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';

export type { Logger };

const redactPaths = ['clientSecret', '*.clientSecret', 'access_token', '*.access_token', 'authorization', '*.authorization'];

/** Creates a logger writing synchronously to a file in the data directory, so a CLI run loses no line on exit. */
export function createFileLogger(dataDir: string, options: { alsoStderr?: boolean } = {}): Logger {
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const level = process.env.OKE_LOKAAL_LOG_LEVEL ?? 'info';
  const file = pino.destination({ dest: join(logDir, 'oke-lokaal.log'), sync: true, mkdir: true });
  const streams: pino.StreamEntry[] = [{ level: level as pino.Level, stream: file }];
  if (options.alsoStderr) streams.push({ level: 'warn', stream: pino.destination({ dest: 2, sync: true }) });
  return pino({ level, redact: { paths: redactPaths, censor: '[redacted]' } }, pino.multistream(streams));
}

/** Creates a logger for tests and tools that prints nothing unless OKE_LOKAAL_LOG_LEVEL is set. */
export function createQuietLogger(): Logger {
  const level = process.env.OKE_LOKAAL_LOG_LEVEL ?? 'silent';
  return pino({ level, redact: { paths: redactPaths, censor: '[redacted]' } }, pino.destination({ dest: 2, sync: true }));
}
