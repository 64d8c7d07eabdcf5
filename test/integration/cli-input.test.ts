import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, runCli } from '../support/processes';

test('cli without command prints usage', async () => {
  const result = await runCli([]);
  assert.equal(result.code, 2);
  assert.match(result.stdout, /oke-lokaal <command>/);
});

test('cli rejects an unknown option', async () => {
  const result = await runCli(['show', '--data-dir', makeTempDir(), '--colour']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /oke-lokaal help/);
});

test('cli requires the data directory', async () => {
  const result = await runCli(['show', '--json']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /De optie --data-dir ontbreekt/);
});

test('cli rejects an unknown attendance value', async () => {
  const result = await runCli(['attend', '--data-dir', makeTempDir(), '--offering', 'o', '--student', '1', '--attendance', 'late']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--attendance moet een van present, notPresent/);
});

test('cli names the invalid config field', async () => {
  const dir = makeTempDir();
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify({ locations: ['A-22'], endpoints: {} }));
  const result = await runCli(['sync', '--data-dir', dir, '--config', file]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /"endpoints\.catalog"/);
});

test('cli reports a config that is not JSON', async () => {
  const dir = makeTempDir();
  const file = join(dir, 'config.json');
  writeFileSync(file, '{ locations: A-22 }');
  const result = await runCli(['sync', '--data-dir', dir, '--config', file]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /geen geldige JSON/);
});

test('cli speaks English on request', async () => {
  const result = await runCli(['show', '--data-dir', makeTempDir(), '--lang', 'en']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /No zittingen found/);
});

test('cli reports an unknown offering', async () => {
  const result = await runCli(['close', '--data-dir', makeTempDir(), '--offering', 'bestaat-niet']);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /Zitting bestaat-niet bestaat niet/);
});
