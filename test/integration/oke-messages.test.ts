/**
 * The Dutch messages a coordinator reads when a school system cannot be used
 * as configured, checked through `oke-lokaal sync` against the counterpart.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { makeTempDir, postJson, runCli, startCounterpart, writeConfig, type CliResult, type RunningCounterpart } from '../support/processes';

interface EndpointConfig {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
}

interface Config {
  endpoints: Record<'catalog' | 'enrolments' | 'planning', EndpointConfig>;
}

let counterpart: RunningCounterpart;

before(async () => {
  counterpart = await startCounterpart();
});

after(async () => {
  await counterpart.stop();
});

/** Runs `sync` with the counterpart's config after `change` edits a copy of it. */
async function syncWith(change: (config: Config) => void): Promise<CliResult> {
  const config = structuredClone(counterpart.config) as unknown as Config;
  change(config);
  const dataDir = makeTempDir();
  return runCli(['sync', '--data-dir', dataDir, '--config', writeConfig(dataDir, config)]);
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

describe('sync messages', () => {
  test('wrong secret names the credentials', async () => {
    const result = await syncWith((config) => {
      config.endpoints.catalog.clientSecret = 'verkeerd-geheim';
    });
    assert.equal(result.code, 1);
    assert.equal(lines(result.stderr).length, 1, result.stderr);
    assert.match(result.stderr, /weigert de inloggegevens/);
  });

  test('wrong scope names the scope', async () => {
    const result = await syncWith((config) => {
      config.endpoints.catalog.scope = config.endpoints.planning.scope;
    });
    assert.equal(result.code, 1);
    assert.equal(lines(result.stderr).length, 1, result.stderr);
    assert.match(result.stderr, /geeft geen toegang met scope/);
  });

  test('wrong base path names the address', async () => {
    const result = await syncWith((config) => {
      config.endpoints.planning.baseUrl = `${counterpart.baseUrl}/tpl/oapi`;
    });
    assert.equal(result.code, 1);
    assert.equal(lines(result.stderr).length, 1, result.stderr);
    assert.match(result.stderr, /kent het adres/);
    assert.match(result.stderr, /\(404\)/);
  });

  test('other versions give a warning', async () => {
    await postJson(`${counterpart.baseUrl}/_counterpart/service`, { role: 'tpl', supportedVersions: ['v4'], consumerVersion: '0.9.3' });
    try {
      const result = await syncWith(() => undefined);
      assert.equal(result.code, 0, result.stderr);
      assert.ok(lines(result.stderr).some((line) => line.includes('OOAPI v4')), result.stderr);
      assert.ok(lines(result.stderr).some((line) => line.includes('versie 0.9.3')), result.stderr);
    } finally {
      await postJson(`${counterpart.baseUrl}/_counterpart/reset`, {});
    }
  });

  test('current versions give no warning', async () => {
    const result = await syncWith(() => undefined);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
  });
});
