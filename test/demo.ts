/**
 * `npm run demo`: starts the OKE counterpart with a generated school, writes a
 * ready config for it, syncs a fresh data directory and serves the screens on
 * 127.0.0.1. Options: --port N for the web host (default: a free port),
 * --data-dir DIR to keep the demo data somewhere else than a new temporary
 * folder.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../main/cli/run';
import { startCounterpart } from './counterpart/server';

/**
 * Moves each demo client secret into an environment variable of this process
 * and points the config at it, so the config file on disk contains no secret,
 * as a real venue's config should not.
 */
function withSecretsFromEnvironment(config: { endpoints: Record<string, Record<string, unknown>> }): unknown {
  const endpoints: Record<string, Record<string, unknown>> = {};
  for (const [name, endpoint] of Object.entries(config.endpoints)) {
    const { clientSecret, ...rest } = endpoint;
    const variable = `OKE_LOKAAL_DEMO_SECRET_${name.toUpperCase()}`;
    process.env[variable] = String(clientSecret);
    endpoints[name] = { ...rest, clientSecretEnv: variable };
  }
  return { ...config, endpoints };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, 'data-dir': { type: 'string' } } });
  const dataDir = values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'oke-lokaal-demo-'));
  mkdirSync(dataDir, { recursive: true });
  const counterpart = await startCounterpart({ port: 0 });
  const configFile = join(dataDir, 'config.json');
  writeFileSync(configFile, JSON.stringify(withSecretsFromEnvironment(counterpart.config), null, 2));

  const io = {
    stdout: (text: string) => process.stdout.write(`${text}\n`),
    stderr: (text: string) => process.stderr.write(`${text}\n`),
    env: process.env,
  };
  process.stdout.write(`Tegenpartij (SIS, TPL, TA): ${counterpart.baseUrl}\nGegevensmap: ${dataDir}\nConfiguratie: ${configFile}\n`);

  try {
    const synced = await runCli(['sync', '--data-dir', dataDir, '--config', configFile], io);
    if (synced !== 0) return synced;
    return await runCli(['serve', '--data-dir', dataDir, '--config', configFile, '--port', values.port], io);
  } finally {
    await counterpart.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`demo failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
