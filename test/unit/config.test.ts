import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfig } from '../../main/config/config';

function endpoint(scope: string) {
  return { baseUrl: 'http://127.0.0.1:9/ooapi', tokenUrl: 'http://127.0.0.1:9/token', clientId: 'venue', clientSecret: 'geheim', scope };
}

function valid(): Record<string, unknown> {
  return {
    locations: ['A-22'],
    window: { daysBefore: 1, daysAfter: 14 },
    timezone: 'Europe/Amsterdam',
    endpoints: { catalog: endpoint('nl-test-admin-flow-0'), enrolments: endpoint('nl-test-admin-flow-1-5'), planning: endpoint('nl-test-admin-flow-2-3-4') },
  };
}

function codeAndField(fn: () => unknown): { code?: string; field?: unknown } {
  try {
    fn();
  } catch (error) {
    const appError = error as { code?: string; params?: Record<string, unknown> };
    return { code: appError.code, field: appError.params?.field ?? appError.params?.variable };
  }
  return {};
}

test('config accepts the documented format', () => {
  const config = parseConfig(valid());
  assert.equal(config.endpoints.planning.scope, 'nl-test-admin-flow-2-3-4');
});

test('config names a missing base URL', () => {
  const body = valid();
  delete (body.endpoints as Record<string, Record<string, unknown>>).planning!.baseUrl;
  assert.deepEqual(codeAndField(() => parseConfig(body)), { code: 'config.invalid', field: 'endpoints.planning.baseUrl' });
});

test('config names an empty location list', () => {
  assert.deepEqual(codeAndField(() => parseConfig({ ...valid(), locations: [] })), { code: 'config.invalid', field: 'locations' });
});

test('config rejects an unknown time zone', () => {
  assert.deepEqual(codeAndField(() => parseConfig({ ...valid(), timezone: 'Europe/Lutjebroek' })), { code: 'config.invalid', field: 'timezone' });
});

test('config reads the secret from the environment', () => {
  const body = valid();
  const planning = (body.endpoints as Record<string, Record<string, unknown>>).planning!;
  delete planning.clientSecret;
  planning.clientSecretEnv = 'PLANNING_SECRET';
  assert.equal(parseConfig(body, { PLANNING_SECRET: 's3' }).endpoints.planning.clientSecret, 's3');
});

test('config names a missing secret variable', () => {
  const body = valid();
  const planning = (body.endpoints as Record<string, Record<string, unknown>>).planning!;
  delete planning.clientSecret;
  planning.clientSecretEnv = 'PLANNING_SECRET';
  assert.deepEqual(codeAndField(() => parseConfig(body, {})), { code: 'config.secretMissing', field: 'PLANNING_SECRET' });
});

test('config requires a secret', () => {
  const body = valid();
  delete (body.endpoints as Record<string, Record<string, unknown>>).catalog!.clientSecret;
  assert.deepEqual(codeAndField(() => parseConfig(body)), { code: 'config.invalid', field: 'endpoints.catalog.clientSecret' });
});
