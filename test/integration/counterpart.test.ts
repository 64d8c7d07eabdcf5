import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { parse } from 'yaml';

import { OKE_SPEC_FILE } from '../../main/oke/schema';
import { startCounterpart, type ExampleViolation, type OkeLokaalConfig, type ReceivedWrite, type RunningCounterpart, type Violation } from '../counterpart/server';

type Json = Record<string, unknown>;
interface Page {
  pageSize: number;
  pageNumber: number;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
  totalPages: number;
  items: Json[];
}
type Endpoint = OkeLokaalConfig['endpoints']['planning'];

const amsterdamDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
const today = amsterdamDate.format(new Date());

let counterpart: RunningCounterpart;
let planning: Endpoint;
let catalog: Endpoint;
let enrolments: Endpoint;

async function requestToken(endpoint: Endpoint, scope = endpoint.scope): Promise<Response> {
  const basic = Buffer.from(`${endpoint.clientId}:${endpoint.clientSecret}`).toString('base64');
  return fetch(endpoint.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope }).toString(),
  });
}

async function token(endpoint: Endpoint): Promise<string> {
  const response = await requestToken(endpoint);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function get(endpoint: Endpoint, path: string, accessToken?: string): Promise<Response> {
  return fetch(`${endpoint.baseUrl}${path}`, { headers: { authorization: `Bearer ${accessToken ?? (await token(endpoint))}` } });
}

async function getJson<T = Json>(endpoint: Endpoint, path: string, accessToken?: string): Promise<T> {
  const response = await get(endpoint, path, accessToken);
  assert.equal(response.status, 200, `GET ${path}`);
  return (await response.json()) as T;
}

async function patch(path: string, body: unknown, accessToken?: string): Promise<Response> {
  return fetch(`${planning.baseUrl}${path}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${accessToken ?? (await token(planning))}`, 'content-type': 'application/merge-patch+json' },
    body: JSON.stringify(body),
  });
}

async function control<T = Json>(path: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await fetch(`${counterpart.baseUrl}/_counterpart/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.equal(response.status, 200, `${method} /_counterpart/${path}`);
  return (await response.json()) as T;
}

async function allPages(endpoint: Endpoint, path: string, accessToken: string): Promise<Json[]> {
  const items: Json[] = [];
  const separator = path.includes('?') ? '&' : '?';
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await getJson<Page>(endpoint, `${path}${separator}pageSize=100&pageNumber=${pageNumber}`, accessToken);
    items.push(...page.items);
    if (!page.hasNextPage) return items;
  }
}

function nlTestAdmin(item: Json): Json {
  return ((item.consumers as Json[] | undefined) ?? []).find((consumer) => consumer.consumerKey === 'nl-test-admin') ?? {};
}

function flow3Body(): Json {
  return {
    associationType: 'componentOfferingAssociation',
    result: {
      state: 'in progress',
      resultDate: today,
      weight: 100,
      consumers: [{ consumerKey: 'nl-test-admin', attendance: 'present', irregularities: 'Vijf minuten te laat.' }],
    },
  };
}

async function todaysOfferings(accessToken: string): Promise<Json[]> {
  return allPages(planning, `/offerings?offeringType=component&since=${today}&until=${today}`, accessToken);
}

before(async () => {
  counterpart = await startCounterpart({ port: 0 });
  ({ planning, catalog, enrolments } = counterpart.config.endpoints);
});

after(async () => {
  await counterpart.close();
});

describe('counterpart config', () => {
  test('config lists A-22 and three endpoints', () => {
    assert.deepEqual(counterpart.config.locations, ['A-22']);
    assert.equal(counterpart.config.timezone, 'Europe/Amsterdam');
    assert.equal(planning.baseUrl, `${counterpart.baseUrl}/tpl/ooapi`);
    assert.equal(catalog.scope, 'nl-test-admin-flow-0');
    assert.equal(enrolments.scope, 'nl-test-admin-flow-1-5');
    assert.equal(planning.scope, 'nl-test-admin-flow-2-3-4');
  });

  test('base URL is on loopback', () => {
    assert.match(counterpart.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('A-22 has zittingen today', async () => {
    const offerings = await todaysOfferings(await token(planning));
    const atA22 = offerings.filter((offering) => nlTestAdmin(offering).locationCode === 'A-22');
    assert.ok(atA22.length >= 2, `found ${atA22.length}`);
  });
});

describe('counterpart auth', () => {
  test('token endpoint issues a bearer token', async () => {
    const response = await requestToken(planning);
    assert.equal(response.status, 200);
    const body = (await response.json()) as Json;
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, 3600);
    assert.equal(typeof body.access_token, 'string');
  });

  test('token endpoint takes form credentials', async () => {
    const response = await fetch(catalog.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: catalog.clientId, client_secret: catalog.clientSecret }).toString(),
    });
    assert.equal(response.status, 200);
  });

  test('token endpoint rejects a wrong secret', async () => {
    const response = await requestToken({ ...planning, clientSecret: 'verkeerd' });
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as Json).error, 'invalid_client');
  });

  test('token endpoint rejects a foreign scope', async () => {
    const response = await requestToken(catalog, planning.scope);
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as Json).error, 'invalid_scope');
  });

  test('request without token gets 401', async () => {
    const response = await fetch(`${planning.baseUrl}/offerings`);
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    const body = (await response.json()) as Json;
    assert.equal(body.status, '401');
    assert.equal(typeof body.detail, 'string');
  });

  test('token of another role gets 403', async () => {
    const response = await get(planning, '/offerings', await token(catalog));
    assert.equal(response.status, 403);
    assert.equal(((await response.json()) as Json).title, 'Forbidden');
  });

  test('revoked token gets 401', async () => {
    const accessToken = await token(planning);
    assert.equal((await get(planning, '/offerings', accessToken)).status, 200);
    await control('revoke-tokens', 'POST');
    assert.equal((await get(planning, '/offerings', accessToken)).status, 401);
  });

  test('expired token gets 401', async () => {
    const shortLived = await startCounterpart({ tokenTtlSeconds: 1 });
    try {
      const endpoint = shortLived.config.endpoints.planning;
      const accessToken = await token(endpoint);
      assert.equal((await get(endpoint, '/offerings', accessToken)).status, 200);
      await sleep(1100);
      assert.equal((await get(endpoint, '/offerings', accessToken)).status, 401);
    } finally {
      await shortLived.close();
    }
  });

  test('service metadata needs no token', async () => {
    const response = await fetch(`${enrolments.baseUrl}/`);
    assert.equal(response.status, 200);
  });
});

describe('counterpart planning', () => {
  test('paging reaches the last page', async () => {
    const accessToken = await token(planning);
    const query = `/offerings?offeringType=component&since=2000-01-01&until=2100-12-31&pageSize=10`;
    const first = await getJson<Page>(planning, `${query}&pageNumber=1`, accessToken);
    assert.equal(first.hasPreviousPage, false);
    assert.equal(first.hasNextPage, true);

    const last = await getJson<Page>(planning, `${query}&pageNumber=${first.totalPages}`, accessToken);
    assert.equal(last.pageNumber, first.totalPages);
    assert.equal(last.hasNextPage, false);
    assert.equal(last.hasPreviousPage, true);
    assert.ok(last.items.length >= 1, `last page has ${last.items.length} items`);
    assert.ok(last.items.length <= 10, `last page has ${last.items.length} items`);

    const all = await allPages(planning, '/offerings?offeringType=component&since=2000-01-01&until=2100-12-31', accessToken);
    assert.equal(all.length, (first.totalPages - 1) * 10 + last.items.length);
  });

  test('since and until bound the period', async () => {
    const offerings = await todaysOfferings(await token(planning));
    assert.ok(offerings.length > 0);
    for (const offering of offerings) {
      assert.equal(String(offering.startDateTime).slice(0, 10), today);
    }
  });

  test('offerings come in start order', async () => {
    const offerings = await allPages(planning, '/offerings?since=2000-01-01', await token(planning));
    const starts = offerings.map((offering) => Date.parse(String(offering.startDateTime)));
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  });

  test('start times carry the Amsterdam offset', async () => {
    const offerings = await todaysOfferings(await token(planning));
    for (const offering of offerings) {
      assert.match(String(offering.startDateTime), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+0[12]:00$/);
    }
  });

  test('expand=person embeds persons', async () => {
    const accessToken = await token(planning);
    const [offering] = await todaysOfferings(accessToken);
    const path = `/offerings/${String(offering?.offeringId)}/associations`;

    const expanded = await allPages(planning, `${path}?expand=person`, accessToken);
    assert.ok(expanded.every((association) => typeof association.person === 'object'));
    const student = expanded.find((association) => association.role === 'student')?.person as Json | undefined;
    assert.equal((student?.primaryCode as Json | undefined)?.codeType, 'studentNumber');

    const plain = await allPages(planning, path, accessToken);
    assert.ok(plain.every((association) => typeof association.person === 'string'));
  });

  test('every zitting has one invigilator', async () => {
    const accessToken = await token(planning);
    for (const offering of await todaysOfferings(accessToken)) {
      const staff = await allPages(planning, `/offerings/${String(offering.offeringId)}/associations?role=invigilator`, accessToken);
      assert.equal(staff.length, 1, String(offering.offeringId));
    }
  });

  test('unknown offering gets 404', async () => {
    const response = await get(planning, '/offerings/00000000-0000-4000-8000-000000000000');
    assert.equal(response.status, 404);
  });

  test('invalid query gets 400', async () => {
    const response = await get(planning, '/offerings?since=morgen');
    assert.equal(response.status, 400);
    assert.match(String(((await response.json()) as Json).detail), /since must match format "date"/);
  });

  test('unsupported method gets 405', async () => {
    const response = await fetch(`${planning.baseUrl}/offerings`, { method: 'DELETE', headers: { authorization: `Bearer ${await token(planning)}` } });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'GET');
  });

  test('person from SIS has idCheckName', async () => {
    const accessToken = await token(planning);
    const [offering] = await todaysOfferings(accessToken);
    const [association] = await allPages(planning, `/offerings/${String(offering?.offeringId)}/associations?role=student`, accessToken);
    const person = await getJson(enrolments, `/persons/${String(association?.person)}`);
    assert.match(String(nlTestAdmin(person).idCheckName), /^[^,]+, .+$/);
  });

  test('dataset is the same for the same seed and day', async () => {
    const now = new Date('2026-06-04T08:00:00Z');
    const first = await startCounterpart({ seed: 7, now });
    const second = await startCounterpart({ seed: 7, now });
    try {
      const read = async (running: RunningCounterpart) => allPages(running.config.endpoints.planning, '/offerings?since=2026-06-01', await token(running.config.endpoints.planning));
      assert.deepEqual(await read(first), await read(second));
    } finally {
      await first.close();
      await second.close();
    }
  });

  test('dataset switches offset on DST day', async () => {
    const running = await startCounterpart({ now: new Date('2026-03-28T10:00:00Z') });
    try {
      const endpoint = running.config.endpoints.planning;
      const accessToken = await token(endpoint);
      const before = await allPages(endpoint, '/offerings?since=2026-03-28&until=2026-03-28', accessToken);
      const afterSwitch = await allPages(endpoint, '/offerings?since=2026-03-29&until=2026-03-29', accessToken);
      assert.ok(before.every((offering) => String(offering.startDateTime).endsWith('+01:00')));
      assert.ok(afterSwitch.every((offering) => String(offering.startDateTime).endsWith('+02:00')));
    } finally {
      await running.close();
    }
  });
});

describe('counterpart writes', () => {
  test('valid flow 3 PATCH is stored and listed', async () => {
    const accessToken = await token(planning);
    const [offering] = await todaysOfferings(accessToken);
    const associations = await allPages(planning, `/offerings/${String(offering?.offeringId)}/associations?role=student&state=associated`, accessToken);
    const associationId = String(associations[0]?.associationId);

    const response = await patch(`/associations/${associationId}`, flow3Body(), accessToken);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as Json).associationId, associationId);

    const { items } = await control<{ items: ReceivedWrite[] }>('received');
    const write = items.find((item) => item.path === `/tpl/ooapi/associations/${associationId}`);
    assert.equal(write?.flow, 3);
    assert.equal(write?.valid, true);
    assert.equal(write?.status, 200);

    const stored = await allPages(planning, `/offerings/${String(offering?.offeringId)}/associations?role=student`, accessToken);
    const result = stored.find((association) => association.associationId === associationId)?.result as Json | undefined;
    assert.equal(result?.state, 'in progress');
  });

  test('invalid flow 3 PATCH gets 400', async () => {
    const accessToken = await token(planning);
    const [offering] = await todaysOfferings(accessToken);
    const [association] = await allPages(planning, `/offerings/${String(offering?.offeringId)}/associations?role=student`, accessToken);
    const body = { associationType: 'componentOfferingAssociation', result: { state: 'in progress', resultDate: today } };

    const response = await patch(`/associations/${String(association?.associationId)}`, body, accessToken);
    assert.equal(response.status, 400);
    assert.match(String(((await response.json()) as Json).detail), /required property 'weight'/);

    const { items } = await control<{ items: ReceivedWrite[] }>('received');
    const write = items.at(-1);
    assert.equal(write?.valid, false);
    assert.equal(write?.status, 400);
  });

  test('PATCH on canceled association gets 200', async () => {
    const accessToken = await token(planning);
    let canceledId: string | undefined;
    for (const offering of await todaysOfferings(accessToken)) {
      const canceled = await allPages(planning, `/offerings/${String(offering.offeringId)}/associations?state=canceled`, accessToken);
      canceledId ??= canceled[0]?.associationId as string | undefined;
    }
    assert.ok(canceledId, 'a canceled association today');

    const response = await patch(`/associations/${canceledId}`, flow3Body(), accessToken);
    assert.equal(response.status, 200);
  });

  test('PATCH on canceled offering gets 200', async () => {
    const accessToken = await token(planning);
    const offerings = await allPages(planning, '/offerings?since=2000-01-01', accessToken);
    const canceled = offerings.find((offering) => nlTestAdmin(offering).offeringState === 'canceled');
    assert.ok(canceled, 'a canceled offering');

    const body = {
      offeringType: 'component',
      consumers: [{ consumerKey: 'nl-test-admin', offeringState: 'canceled', irregularities: 'Zitting vervallen.' }],
    };
    const response = await patch(`/offerings/${String(canceled.offeringId)}`, body, accessToken);
    assert.equal(response.status, 200);

    const { items } = await control<{ items: ReceivedWrite[] }>('received');
    assert.equal(items.at(-1)?.flow, 4);
  });

  test('PATCH with attendance "here" gets 400', async () => {
    const accessToken = await token(planning);
    const [offering] = await todaysOfferings(accessToken);
    const [association] = await allPages(planning, `/offerings/${String(offering?.offeringId)}/associations?role=student`, accessToken);
    const body = flow3Body();
    ((body.result as Json).consumers as Json[])[0]!.attendance = 'here';

    const response = await patch(`/associations/${String(association?.associationId)}`, body, accessToken);
    assert.equal(response.status, 400);
    assert.match(String(((await response.json()) as Json).detail), /attendance must be equal to one of the allowed values/);
  });

  test('PATCH that is not JSON gets 400', async () => {
    const response = await fetch(`${planning.baseUrl}/offerings/00000000-0000-4000-8000-000000000000`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${await token(planning)}`, 'content-type': 'application/json' },
      body: '{"offeringType": ',
    });
    assert.equal(response.status, 400);
  });
});

describe('counterpart crawl', () => {
  test('every GET response is valid', async () => {
    await control('reset', 'POST');
    const planningToken = await token(planning);
    const catalogToken = await token(catalog);
    const enrolmentsToken = await token(enrolments);

    const components = await allPages(catalog, '/components', catalogToken);
    assert.equal(components.length, 5);
    for (const component of components) await getJson(catalog, `/components/${String(component.componentId)}`, catalogToken);

    const personIds = new Set<string>();
    for (const offering of await allPages(planning, '/offerings?offeringType=component&since=2000-01-01', planningToken)) {
      await getJson(planning, `/offerings/${String(offering.offeringId)}`, planningToken);
      await allPages(planning, `/offerings/${String(offering.offeringId)}/associations`, planningToken);
      for (const association of await allPages(planning, `/offerings/${String(offering.offeringId)}/associations?expand=person`, planningToken)) {
        personIds.add(String((association.person as Json).personId));
      }
    }
    for (const personId of personIds) await getJson(enrolments, `/persons/${personId}`, enrolmentsToken);
    for (const endpoint of [catalog, enrolments, planning]) await fetch(`${endpoint.baseUrl}/`);

    const { items } = await control<{ items: Violation[] }>('violations');
    assert.deepEqual(items, []);
  });
});

describe('counterpart faults', () => {
  test('notJson answers HTML once', async () => {
    await control('faults', 'POST', { role: 'ta', path: '/components', kind: 'notJson', times: 1 });
    const accessToken = await token(catalog);

    const faulty = await get(catalog, '/components', accessToken);
    assert.equal(faulty.status, 200);
    assert.match(faulty.headers.get('content-type') ?? '', /^text\/html/);
    await assert.rejects(faulty.json());

    const normal = await get(catalog, '/components', accessToken);
    assert.match(normal.headers.get('content-type') ?? '', /^application\/json/);
  });

  test('missingFields drops required fields', async () => {
    await control('faults', 'POST', { role: 'tpl', path: '/offerings', kind: 'missingFields', times: 1 });
    const page = await getJson<Page>(planning, '/offerings?since=2000-01-01');
    assert.ok(page.items.length > 0);
    assert.ok(page.items.every((item) => !('offeringId' in item)));
  });

  test('fault path covers paths below it', async () => {
    await control('faults', 'POST', { role: 'sis', path: '/persons', kind: 'status500', times: 1 });
    const response = await get(enrolments, '/persons/00000000-0000-4000-8000-000000000000');
    assert.equal(response.status, 500);
    assert.equal(((await response.json()) as Json).status, '500');
  });

  test('status429 sets Retry-After', async () => {
    await control('faults', 'POST', { role: 'tpl', path: '/offerings', kind: 'status429' });
    const response = await get(planning, '/offerings');
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '1');
  });

  test('DELETE clears the faults', async () => {
    await control('faults', 'POST', { role: 'tpl', path: '/offerings', kind: 'status500', times: 5 });
    await control('faults', 'DELETE');
    const response = await get(planning, '/offerings');
    assert.equal(response.status, 200);
  });

  test('invalid fault gets 400', async () => {
    const response = await fetch(`${counterpart.baseUrl}/_counterpart/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'dms', path: '/x', kind: 'notJson' }),
    });
    assert.equal(response.status, 400);
  });
});

describe('counterpart service', () => {
  test('every role reports v5 and 1.0.1', async () => {
    for (const endpoint of [catalog, enrolments, planning]) {
      const body = (await (await fetch(`${endpoint.baseUrl}/`)).json()) as Json;
      assert.deepEqual(body.supportedVersions, ['v5'], endpoint.baseUrl);
      assert.deepEqual(body.supportedConsumers, [{ consumerKey: 'nl-test-admin', version: '1.0.1' }], endpoint.baseUrl);
    }
  });

  test('service control changes one role', async () => {
    await control('service', 'POST', { role: 'tpl', supportedVersions: ['v4'], consumerVersion: '0.9.3' });
    try {
      const changed = (await (await fetch(`${planning.baseUrl}/`)).json()) as Json;
      assert.deepEqual(changed.supportedVersions, ['v4']);
      assert.deepEqual(changed.supportedConsumers, [{ consumerKey: 'nl-test-admin', version: '0.9.3' }]);
      const other = (await (await fetch(`${catalog.baseUrl}/`)).json()) as Json;
      assert.deepEqual(other.supportedVersions, ['v5']);
    } finally {
      await control('reset', 'POST');
    }
  });

  test('reset restores the service metadata', async () => {
    await control('service', 'POST', { role: 'sis', supportedVersions: ['v4'] });
    await control('reset', 'POST');
    const body = (await (await fetch(`${enrolments.baseUrl}/`)).json()) as Json;
    assert.deepEqual(body.supportedVersions, ['v5']);
  });

  test('invalid service control gets 400', async () => {
    const response = await fetch(`${counterpart.baseUrl}/_counterpart/service`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'dms', supportedVersions: ['v4'] }),
    });
    assert.equal(response.status, 400);
  });
});

interface ExampleMedia {
  examples?: Record<string, { value: Json }>;
}

/** Returns the first example of a 200 response in the vendored definition. */
function firstResponseExample(template: string): Json {
  const spec = parse(readFileSync(OKE_SPEC_FILE, 'utf8'), { maxAliasCount: -1 }) as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, ExampleMedia> }> } }> };
  const media = spec.paths[template]?.get.responses['200']?.content['application/json'];
  return Object.values(media?.examples ?? {})[0]?.value ?? {};
}

/** Reads every GET resource of a running counterpart, so it validates each response. */
async function crawl(running: RunningCounterpart): Promise<void> {
  const endpoints = running.config.endpoints;
  const [catalogToken, planningToken, enrolmentsToken] = [await token(endpoints.catalog), await token(endpoints.planning), await token(endpoints.enrolments)];
  for (const component of await allPages(endpoints.catalog, '/components', catalogToken)) {
    await get(endpoints.catalog, `/components/${String(component.componentId)}`, catalogToken);
  }
  const personIds = new Set<string>();
  for (const offering of await allPages(endpoints.planning, '/offerings?since=2000-01-01', planningToken)) {
    await get(endpoints.planning, `/offerings/${String(offering.offeringId)}`, planningToken);
    for (const association of await allPages(endpoints.planning, `/offerings/${String(offering.offeringId)}/associations?expand=person`, planningToken)) {
      personIds.add(typeof association.person === 'string' ? association.person : String((association.person as Json).personId));
    }
  }
  for (const personId of personIds) await get(endpoints.enrolments, `/persons/${encodeURIComponent(personId)}`, enrolmentsToken);
  for (const endpoint of Object.values(endpoints)) await fetch(`${endpoint.baseUrl}/`);
}

async function controlOf<T>(running: RunningCounterpart, path: string): Promise<T> {
  return (await (await fetch(`${running.baseUrl}/_counterpart/${path}`)).json()) as T;
}

describe('counterpart examples dataset', () => {
  let examples: RunningCounterpart;

  before(async () => {
    examples = await startCounterpart({ dataset: 'examples', now: new Date('2022-06-21T08:00:00Z') });
  });

  after(async () => {
    await examples.close();
  });

  test('component is the example unchanged', async () => {
    const endpoint = examples.config.endpoints.catalog;
    const [component] = await allPages(endpoint, '/components', await token(endpoint));
    assert.deepEqual(component, firstResponseExample('/components/{componentId}'));
  });

  test('person is the example unchanged', async () => {
    const expected = firstResponseExample('/persons/{personId}');
    const person = await getJson(examples.config.endpoints.enrolments, `/persons/${String(expected.personId)}`);
    assert.deepEqual(person, expected);
  });

  test('example zitting is on its own day', async () => {
    const endpoint = examples.config.endpoints.planning;
    const offerings = await allPages(endpoint, '/offerings?since=2022-06-21&until=2022-06-21', await token(endpoint));
    assert.equal(offerings.length, 1);
    assert.equal(nlTestAdmin(offerings[0]!).locationCode, 'A-22');
  });

  test('expand=person serves the expanded example', async () => {
    const endpoint = examples.config.endpoints.planning;
    const accessToken = await token(endpoint);
    const [offering] = await allPages(endpoint, '/offerings?since=2022-06-21', accessToken);
    const plain = await allPages(endpoint, `/offerings/${String(offering?.offeringId)}/associations`, accessToken);
    const expanded = await allPages(endpoint, `/offerings/${String(offering?.offeringId)}/associations?expand=person`, accessToken);
    assert.equal(typeof plain[0]?.person, 'string');
    assert.equal(typeof expanded[0]?.person, 'object');
  });

  test('example violations are listed apart', async () => {
    await crawl(examples);
    const violations = await controlOf<{ items: Violation[] }>(examples, 'violations');
    const exampleViolations = await controlOf<{ items: ExampleViolation[] }>(examples, 'example-violations');
    assert.deepEqual(violations.items, []);
    assert.ok(exampleViolations.items.some((item) => item.errors.includes("/ must have required property 'offeringId'")));
    assert.ok(exampleViolations.items.some((item) => item.direction === 'request' && item.path.endsWith('/persons/111-2222-33-4444-222')));
    assert.ok(exampleViolations.items.every((item) => item.examples.length > 0));
  });

  test('app request errors stay violations', async () => {
    const response = await get(examples.config.endpoints.enrolments, '/persons/zitting-1');
    assert.equal(response.status, 400);
    const violations = await controlOf<{ items: Violation[] }>(examples, 'violations');
    assert.equal(violations.items.at(-1)?.path, '/sis/ooapi/persons/zitting-1');
  });
});

describe('counterpart variants dataset', () => {
  let variants: RunningCounterpart;
  const variantsDay = '2026-06-04';

  before(async () => {
    variants = await startCounterpart({ dataset: 'variants', now: new Date(`${variantsDay}T07:00:00Z`) });
  });

  after(async () => {
    await variants.close();
  });

  test('pages hold two items', async () => {
    const page = await getJson<Page>(variants.config.endpoints.catalog, '/components?pageSize=100');
    assert.equal(page.pageSize, 2);
    assert.equal(page.items.length, 2);
    assert.equal(page.hasNextPage, true);
  });

  test('associations carry person ids', async () => {
    const endpoint = variants.config.endpoints.planning;
    const accessToken = await token(endpoint);
    const [offering] = await allPages(endpoint, '/offerings?since=2000-01-01', accessToken);
    const associations = await allPages(endpoint, `/offerings/${String(offering?.offeringId)}/associations?expand=person`, accessToken);
    assert.ok(associations.length > 0);
    assert.ok(associations.every((association) => typeof association.person === 'string'));
  });

  test('A-22 has the six scenarios today', async () => {
    const endpoint = variants.config.endpoints.planning;
    const offerings = await allPages(endpoint, `/offerings?since=${variantsDay}&until=${variantsDay}`, await token(endpoint));
    const atA22 = offerings.map(nlTestAdmin).filter((consumer) => consumer.locationCode === 'A-22');
    const scenarios = new Set(atA22.map((consumer) => `${String(consumer.startOptions)} ${String(consumer.durationFrom)} ${String(consumer.durationUntil)} ${'lastPossibleStartDateTime' in consumer}`));
    assert.equal(atA22.length, 6);
    // Scenarios 3 and 6 share their fields and differ only in their times.
    assert.deepEqual(
      scenarios,
      new Set([
        'individualStart individualStartDateTime endDateTime false',
        'individualStart individualStartDateTime endDateTime true',
        'individualStart individualStartDateTime testDuration true',
        'individualStart startDateTime undefined false',
        'triggeredStart triggeredStartDateTime testDuration false',
      ]),
    );
  });

  test('every response is valid', async () => {
    await crawl(variants);
    const violations = await controlOf<{ items: Violation[] }>(variants, 'violations');
    assert.deepEqual(violations.items, []);
  });
});

describe('counterpart bin', () => {
  test('bin prints one JSON line and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'counterpart', 'bin.ts'), '--port', '0', '--seed', '3'], {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, OKE_COUNTERPART_LOG_LEVEL: 'silent' },
    });
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    for (let waited = 0; lines.length === 0 && waited < 20_000; waited += 100) await sleep(100);
    const ready = JSON.parse(lines[0] ?? '{}') as { baseUrl?: string; config?: OkeLokaalConfig };
    assert.match(ready.baseUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(ready.config?.endpoints.planning.baseUrl, `${ready.baseUrl ?? ''}/tpl/ooapi`);

    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.equal(lines.length, 1);
  });

  test('bin rejects an unknown dataset', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'counterpart', 'bin.ts'), '--port', '0', '--dataset', 'productie'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 1);
    assert.match(stderr, /--dataset must be one of generated, examples, variants, got "productie"/);
  });
});
