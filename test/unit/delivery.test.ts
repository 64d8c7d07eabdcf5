import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { openDatabase, type Db } from '../../db/connection';
import type { EndpointConfig } from '../../main/config/config';
import { deliverOutbox, backoffMs } from '../../main/delivery/deliver';
import { enqueue, listItems } from '../../main/delivery/outbox';
import { createQuietLogger } from '../../main/log/logger';
import { OkeClient } from '../../main/oke/client';
import { OkeHttpError, OkeNetworkError } from '../../main/oke/errors';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server';
import { makeTempDir } from '../support/processes';

// A planning endpoint on 127.0.0.1 whose response depends on the association id in the path.
let server: LoopbackServer;
let baseUrl = '';
const received: string[] = [];

function handle(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  request.resume();
  if (url.pathname === '/token') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ access_token: 't', token_type: 'Bearer', expires_in: 3600 }));
    return;
  }
  received.push(`${request.method} ${url.pathname} ${request.headers['content-type']}`);
  const id = url.pathname.split('/').pop();
  const reply = (status: number, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(status === 200 ? {} : { status: String(status), title: `status ${status}`, detail: id }));
  };
  if (id === 'bad') reply(400);
  else if (id === 'boom') reply(500);
  else if (id === 'busy') reply(429, { 'retry-after': '120' });
  else reply(200);
}

before(async () => {
  server = await startLoopbackServer(handle);
  baseUrl = server.baseUrl;
});

after(() => server.close());

const log = createQuietLogger();

function planning(base = baseUrl): OkeClient {
  const endpoint: EndpointConfig = { name: 'planning', baseUrl: `${base}/ooapi`, tokenUrl: `${baseUrl}/token`, clientId: 'c', clientSecret: 's', scope: 'x' };
  return new OkeClient(endpoint, log, { timeoutMs: 2_000 });
}

function outboxWith(ids: string[]): Db {
  const db = openDatabase(makeTempDir(), log);
  enqueue(
    db,
    ids.map((id) => ({ flow: 3, method: 'PATCH', path: `/associations/${id}`, body: { associationType: 'componentOfferingAssociation' }, offeringId: 'o1', associationId: id })),
    '2026-12-04T10:00:00.000Z',
  );
  return db;
}

function statuses(db: Db): Record<string, string> {
  return Object.fromEntries(listItems(db).map((item) => [item.associationId!, item.status]));
}

test('delivery marks 2xx items delivered', async () => {
  const db = outboxWith(['a1', 'a2']);
  const summary = await deliverOutbox({ db, planning: planning(), log }, { force: true });
  assert.equal(summary.delivered, 2);
  assert.deepEqual(statuses(db), { a1: 'delivered', a2: 'delivered' });
});

test('delivery sends merge patches', async () => {
  received.length = 0;
  const db = outboxWith(['a1']);
  await deliverOutbox({ db, planning: planning(), log }, { force: true });
  assert.deepEqual(received, ['PATCH /ooapi/associations/a1 application/merge-patch+json']);
});

test('delivery rejects an item on 400', async () => {
  const db = outboxWith(['bad', 'a2']);
  const summary = await deliverOutbox({ db, planning: planning(), log }, { force: true });
  assert.deepEqual(statuses(db), { bad: 'rejected', a2: 'delivered' });
  assert.match(summary.failures[0]!.message, /geweigerd door het toetsplanningssysteem \(400/);
});

test('delivery keeps an item queued on 500', async () => {
  const db = outboxWith(['boom']);
  const summary = await deliverOutbox({ db, planning: planning(), log, now: () => Date.parse('2026-12-04T10:00:00Z'), random: () => 0 }, { force: true });
  const [item] = listItems(db);
  assert.equal(item!.status, 'queued');
  assert.equal(item!.attempts, 1);
  assert.match(summary.failures[0]!.message, /blijft in de wachtrij/);
});

test('delivery skips items not yet due', async () => {
  const db = outboxWith(['boom']);
  const now = Date.parse('2026-12-04T10:00:00Z');
  await deliverOutbox({ db, planning: planning(), log, now: () => now, random: () => 0 }, { force: true });
  const summary = await deliverOutbox({ db, planning: planning(), log, now: () => now + 1000 });
  assert.equal(summary.delivered + summary.failures.length, 0);
});

test('delivery stops the run on 429', async () => {
  const db = outboxWith(['busy']);
  const now = Date.parse('2026-12-04T10:00:00Z');
  await assert.rejects(deliverOutbox({ db, planning: planning(), log, now: () => now }, { force: true }), (error: unknown) => error instanceof OkeHttpError && error.status === 429);
  const row = db.prepare('SELECT status, next_attempt_at FROM outbox').get();
  assert.deepEqual(row, { status: 'queued', next_attempt_at: new Date(now + 120_000).toISOString() });
});

test('delivery stops without a connection', async () => {
  const db = outboxWith(['a1', 'a2', 'a3']);
  // Port 9 (discard) on loopback has no listener here, so the connection is refused.
  await assert.rejects(deliverOutbox({ db, planning: planning('http://127.0.0.1:9'), log }, { force: true }), OkeNetworkError);
  assert.deepEqual(statuses(db), { a1: 'queued', a2: 'queued', a3: 'queued' });
});

test('delivery never sends an invalid body', async () => {
  received.length = 0;
  const db = outboxWith(['a1']);
  const summary = await deliverOutbox({ db, planning: planning(), log, checkBody: () => ({ valid: false, errors: ['/result must have required property'] }) }, { force: true });
  assert.deepEqual(received, []);
  assert.deepEqual(statuses(db), { a1: 'rejected' });
  assert.match(summary.failures[0]!.message, /voldoet niet aan de OKE-standaard/);
});

test('backoff grows and stays bounded', () => {
  const half = () => 0.5;
  assert.ok(backoffMs(3, null, half) > backoffMs(1, null, half));
  assert.ok(backoffMs(50, null, () => 1) <= 60 * 60_000);
  assert.equal(backoffMs(0, 7, half), 7_000);
});
