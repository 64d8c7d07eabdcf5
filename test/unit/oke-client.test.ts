import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { OkeClient } from '../../main/oke/client';
import { OkeFormatError, OkeHttpError, OkeTokenError } from '../../main/oke/errors';
import { createQuietLogger } from '../../main/log/logger';
import type { EndpointConfig } from '../../main/config/config';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server';

// A small OOAPI-shaped server on 127.0.0.1: tokens, a paged collection,
// a resource that returns 401 once per token generation, and an error body.
let server: LoopbackServer;
let baseUrl = '';
let tokensIssued = 0;
let lastScope = '';
let revokedBefore = 0;
const pageRequests: string[] = [];

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function handle(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/token') {
    let form = '';
    request.on('data', (chunk: Buffer) => (form += chunk.toString('utf8')));
    request.on('end', () => {
      lastScope = new URLSearchParams(form).get('scope') ?? '';
      issueToken(request, response);
    });
    return;
  }
  handleResource(request, response, url);
}

function issueToken(request: IncomingMessage, response: ServerResponse): void {
  if (request.headers.authorization !== `Basic ${Buffer.from('venue:geheim').toString('base64')}`) {
    send(response, 401, { error: 'invalid_client' });
    return;
  }
  tokensIssued += 1;
  send(response, 200, { access_token: `t${tokensIssued}`, token_type: 'Bearer', expires_in: 3600 });
}

function handleResource(request: IncomingMessage, response: ServerResponse, url: URL): void {
  const token = Number((request.headers.authorization ?? '').replace('Bearer t', ''));
  if (!token || token <= revokedBefore) {
    send(response, 401, { status: 401, title: 'Unauthorized', detail: 'token expired' });
    return;
  }

  if (url.pathname === '/ooapi/items') {
    pageRequests.push(url.search);
    const pageNumber = Number(url.searchParams.get('pageNumber'));
    const pageSize = Number(url.searchParams.get('pageSize'));
    const total = 7;
    const items = Array.from({ length: total }, (_, i) => ({ id: i + 1 })).slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
    send(response, 200, { pageNumber, pageSize, hasPreviousPage: pageNumber > 1, hasNextPage: pageNumber * pageSize < total, items });
    return;
  }
  if (url.pathname === '/ooapi/broken') {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<html>onderhoud</html>');
    return;
  }
  if (url.pathname === '/ooapi/busy') {
    send(response, 429, { status: 429, title: 'Too Many Requests', detail: 'slow down' }, { 'retry-after': '12' });
    return;
  }
  send(response, 404, { status: 404, title: 'Not Found', detail: `no ${url.pathname}` });
}

before(async () => {
  server = await startLoopbackServer(handle);
  baseUrl = server.baseUrl;
});

after(() => server.close());

function endpoint(overrides: Partial<EndpointConfig> = {}): EndpointConfig {
  return {
    name: 'planning',
    baseUrl: `${baseUrl}/ooapi`,
    tokenUrl: `${baseUrl}/token`,
    clientId: 'venue',
    clientSecret: 'geheim',
    scope: 'nl-test-admin-flow-2-3-4',
    ...overrides,
  };
}

test('paging follows hasNextPage to the last page', async () => {
  pageRequests.length = 0;
  const client = new OkeClient(endpoint(), createQuietLogger(), { pageSize: 3 });
  const items = await client.getAllPages('/items');
  assert.deepEqual(
    items.map((item) => (item as { id: number }).id),
    [1, 2, 3, 4, 5, 6, 7],
  );
  assert.equal(pageRequests.length, 3);
});

test('paging sends pageNumber and pageSize', async () => {
  pageRequests.length = 0;
  const client = new OkeClient(endpoint(), createQuietLogger(), { pageSize: 5 });
  await client.getAllPages('/items', { since: '2026-12-03' });
  assert.equal(pageRequests[1], '?since=2026-12-03&pageSize=5&pageNumber=2');
});

test('token is reused until expiry', async () => {
  const client = new OkeClient(endpoint(), createQuietLogger());
  const issuedBefore = tokensIssued;
  await client.getAllPages('/items');
  await client.getAllPages('/items');
  assert.equal(tokensIssued - issuedBefore, 1);
});

test('token refreshes once after a 401', async () => {
  const client = new OkeClient(endpoint(), createQuietLogger());
  await client.getAllPages('/items');
  revokedBefore = tokensIssued;
  const issuedBefore = tokensIssued;
  const items = await client.getAllPages('/items');
  assert.equal(items.length, 7);
  assert.equal(tokensIssued - issuedBefore, 1);
});

test('token refreshes after its lifetime', async () => {
  let now = 0;
  const client = new OkeClient(endpoint(), createQuietLogger(), { now: () => now });
  const issuedBefore = tokensIssued;
  await client.getJson('/items', { pageNumber: '1', pageSize: '1' });
  now = 3_600_000;
  await client.getJson('/items', { pageNumber: '1', pageSize: '1' });
  assert.equal(tokensIssued - issuedBefore, 2);
});

test('wrong credentials raise a token error', async () => {
  const client = new OkeClient(endpoint({ clientSecret: 'fout' }), createQuietLogger());
  await assert.rejects(client.getJson('/items'), (error: unknown) => error instanceof OkeTokenError && error.oauthError === 'invalid_client');
});

test('error body becomes a typed error', async () => {
  const client = new OkeClient(endpoint(), createQuietLogger());
  await assert.rejects(client.getJson('/missing'), (error: unknown) => {
    assert.ok(error instanceof OkeHttpError);
    assert.equal(error.status, 404);
    assert.equal(error.title, 'Not Found');
    assert.equal(error.detail, 'no /ooapi/missing');
    return true;
  });
});

test('retry-after is read from a 429', async () => {
  const client = new OkeClient(endpoint(), createQuietLogger());
  await assert.rejects(client.getJson('/busy'), (error: unknown) => error instanceof OkeHttpError && error.retryAfterSeconds === 12);
});

test('non-JSON body raises a format error', async () => {
  const client = new OkeClient(endpoint(), createQuietLogger());
  await assert.rejects(client.getJson('/broken'), (error: unknown) => error instanceof OkeFormatError && /not JSON/.test(error.problem));
});

test('token request sends a .default scope verbatim', async () => {
  const client = new OkeClient(endpoint({ scope: 'api://tpl.roc.example/.default' }), createQuietLogger());
  await client.getJson('/items', { pageNumber: '1', pageSize: '1' });
  assert.equal(lastScope, 'api://tpl.roc.example/.default');
});
