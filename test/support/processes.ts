/**
 * Starts the real programs for integration and end-to-end tests: the
 * counterpart server and the oke-lokaal CLI, both from the build in dist/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const repoRoot = join(__dirname, '..', '..');
const cliBin = join(repoRoot, 'dist', 'main', 'cli', 'bin.js');
const counterpartBin = join(repoRoot, 'dist', 'test', 'counterpart', 'bin.js');

const tempDirs: string[] = [];
// Each test file runs in its own process, so its folders go when it exits.
process.on('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** Makes a temporary folder that is removed when the test process exits. */
export function makeTempDir(prefix = 'oke-lokaal-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function writeConfig(dir: string, config: unknown): string {
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Spawns a long-running program and waits for the JSON line it prints when ready. */
function spawnUntilJsonLine<T>(args: string[], timeoutMs = 30_000): Promise<{ child: ChildProcess; line: T }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`no ready line from ${args.join(' ')} within ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (text) => {
      clearTimeout(timer);
      try {
        resolve({ child, line: JSON.parse(text) as T });
      } catch {
        child.kill('SIGTERM');
        reject(new Error(`ready line is not JSON: ${text}`));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code} before it was ready: ${stderr}`));
    });
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve();
        return;
      }
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

export interface RunningCounterpart {
  baseUrl: string;
  config: Record<string, unknown>;
  stop(): Promise<void>;
}

export async function startCounterpart(extraArgs: string[] = []): Promise<RunningCounterpart> {
  const { child, line } = await spawnUntilJsonLine<{ baseUrl: string; config: Record<string, unknown> }>([
    counterpartBin,
    '--port',
    '0',
    ...extraArgs,
  ]);
  return { baseUrl: line.baseUrl, config: line.config, stop: stopper(child) };
}

export interface RunningServe {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startServe(dataDir: string, configPath: string): Promise<RunningServe> {
  const { child, line } = await spawnUntilJsonLine<{ url: string; port: number }>([
    cliBin,
    'serve',
    '--data-dir',
    dataDir,
    '--config',
    configPath,
    '--port',
    '0',
    '--json',
  ]);
  return { url: line.url, port: line.port, stop: stopper(child) };
}

/** Reads JSON from the counterpart's control endpoints. */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} returned ${response.status}`);
  return (await response.json()) as T;
}

export async function postJson(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${url} returned ${response.status}`);
  await response.arrayBuffer();
}
