/**
 * The OKE counterpart: one HTTP server on 127.0.0.1 that plays the SIS
 * (`/sis/ooapi`), the planning system (`/tpl/ooapi`) and the test supplier's
 * catalogue (`/ta/ooapi`), with an OAuth2 token endpoint at `/oauth/token`.
 * Every OOAPI request and response is checked against the vendored OKE
 * definition, and every nl-test-admin consumer in them also against its own
 * nl-test-admin schema. Control endpoints under `/_counterpart/` (no
 * authentication) let tests read received writes and violations, inject
 * faults, change the versions a role reports, revoke tokens and reset the data.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import pino, { type Logger } from 'pino';

import { readRequestBody, RequestBodyTooLarge } from '../../main/host/request-body';
import { loadOkeSchema, type OkeSchema } from '../../main/oke/schema';
import { TokenStore } from './auth';
import { buildConfig, ROLES, type OkeLokaalConfig, type Role } from './config';
import type { Dataset, ExampleIndex } from './dataset';
import { checkTestAdminConsumers } from './consumers';
import { createDataset, type DatasetName } from './datasets';
import { exampleKey } from './examples';
import { FaultStore, parseFault, type Fault } from './faults';
import { isJsonObject, type JsonObject, type JsonValue } from './json';
import { problem, ROUTES, type OoapiResponse, type Route } from './routes';
import { applyServiceOverride, parseServiceOverride } from './service';

export type { OkeLokaalConfig } from './config';
export { DATASET_NAMES, type DatasetName } from './datasets';

export interface CounterpartOptions {
  /** TCP port on 127.0.0.1. The default 0 picks a free one. */
  port?: number;
  /** Data to serve: `generated` (the default), `examples` or `variants`. */
  dataset?: DatasetName;
  /** Seed of the generated dataset. The same seed and day give the same data. */
  seed?: number;
  /** Instant whose Europe/Amsterdam date is "today" for the dataset, by default the current time. */
  now?: Date;
  /** Lifetime of issued access tokens in seconds, 3600 by default. */
  tokenTtlSeconds?: number;
  logger?: Logger;
}

export interface RunningCounterpart {
  baseUrl: string;
  config: OkeLokaalConfig;
  close(): Promise<void>;
}

/** A write (PATCH) that passed authentication, as listed by `GET /_counterpart/received`. */
export interface ReceivedWrite {
  method: string;
  path: string;
  flow: 3 | 4;
  body: JsonValue | null;
  status: number;
  valid: boolean;
  errors: string[];
  receivedAt: string;
}

/** A request or response that failed the OKE definition, as listed by `GET /_counterpart/violations`. */
export interface Violation {
  direction: 'request' | 'response';
  method: string;
  path: string;
  status: number;
  errors: string[];
  at: string;
}

/**
 * A violation that the definition's own examples cause: a served example that
 * fails the definition, or a request that repeats an id from an example that
 * is not a UUID. Listed by `GET /_counterpart/example-violations`, not by
 * `/violations`.
 */
export interface ExampleViolation {
  direction: 'request' | 'response';
  method: string;
  path: string;
  /** Status of the response; absent for a request. */
  status?: number;
  errors: string[];
  /** Names of the examples involved, as "METHOD template: example name". */
  examples: string[];
  at: string;
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  text: string;
}

const MAX_BODY_BYTES = 1024 * 1024;
// Removed by the `missingFields` fault: each one is required somewhere in the definition.
const REQUIRED_FIELDS_TO_DROP = ['offeringId', 'componentId', 'personId', 'associationId', 'name', 'primaryCode', 'startDateTime', 'givenName', 'surname'];

function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, text: JSON.stringify(body) };
}

function ooapiReply(response: OoapiResponse): Reply {
  if (response.body === undefined) return { status: response.status, headers: { ...response.headers }, text: '' };
  const contentType = response.status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8';
  return { status: response.status, headers: { 'content-type': contentType, ...response.headers }, text: JSON.stringify(response.body) };
}

function dropRequiredFields(body: JsonValue | undefined): JsonValue | undefined {
  const strip = (value: JsonValue): JsonValue => {
    if (!isJsonObject(value)) return value;
    const copy: JsonObject = { ...value };
    for (const field of REQUIRED_FIELDS_TO_DROP) delete copy[field];
    return copy;
  };
  if (isJsonObject(body) && Array.isArray(body.items)) return { ...body, items: body.items.map(strip) };
  return body === undefined ? undefined : strip(body);
}

function isJsonContentType(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || mediaType === 'application/merge-patch+json';
}

/** Returns the names of the examples that a request path and a response body draw on. */
function exampleNames(index: ExampleIndex, pathParameters: Record<string, string>, body: JsonValue | undefined): string[] {
  const isPage = isJsonObject(body) && Array.isArray(body.items);
  const keys = isPage ? [] : Object.entries(pathParameters).map(([field, id]) => exampleKey(field, id));
  for (const item of isPage ? (body.items as JsonValue[]) : [body]) {
    if (!isJsonObject(item)) continue;
    for (const field of ['componentId', 'offeringId', 'associationId', 'personId']) {
      if (typeof item[field] === 'string') keys.push(exampleKey(field, item[field]));
    }
    if (isJsonObject(item.person) && typeof item.person.personId === 'string') keys.push(exampleKey('personId', item.person.personId));
  }
  return [...new Set(keys.flatMap((key) => index.namesById.get(key) ?? []))];
}

class Counterpart {
  private data: Dataset;
  private received: ReceivedWrite[] = [];
  private violations: Violation[] = [];
  private exampleViolations: ExampleViolation[] = [];
  private readonly faults = new FaultStore();
  private readonly tokens: TokenStore;
  private readonly schema: OkeSchema = loadOkeSchema();

  constructor(
    private readonly dataset: DatasetName,
    private readonly seed: number,
    private readonly now: Date | undefined,
    tokenTtlSeconds: number,
    private readonly log: Logger,
  ) {
    this.data = createDataset(dataset, seed, now ?? new Date());
    this.tokens = new TokenStore(tokenTtlSeconds);
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = (request.method ?? 'GET').toUpperCase();
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let reply: Reply;
    try {
      const text = await readRequestBody(request, MAX_BODY_BYTES);
      reply = this.route(method, url, request, text);
    } catch (error) {
      if (error instanceof RequestBodyTooLarge) {
        reply = ooapiReply(problem(400, 'Bad Request', error.message));
      } else {
        this.log.error({ err: error, method, path: url.pathname }, 'counterpart request failed');
        reply = ooapiReply(problem(500, 'Internal Server Error', 'The counterpart failed. Its log on stderr has the cause.'));
      }
    }
    this.log.debug({ method, path: url.pathname, status: reply.status }, 'counterpart request');
    response.writeHead(reply.status, reply.headers);
    response.end(reply.text);
  }

  private route(method: string, url: URL, request: IncomingMessage, text: string): Reply {
    const { pathname } = url;
    if (pathname === '/oauth/token') return this.token(method, request, text);
    if (pathname.startsWith('/_counterpart/')) return this.control(method, pathname, text);

    for (const [role, definition] of Object.entries(ROLES) as [Role, (typeof ROLES)[Role]][]) {
      if (pathname === definition.prefix || pathname.startsWith(`${definition.prefix}/`)) {
        return this.ooapi(role, method, url, request, text);
      }
    }
    return ooapiReply(problem(404, 'Not Found', `No role serves ${pathname}; use /ta/ooapi, /sis/ooapi or /tpl/ooapi.`));
  }

  private token(method: string, request: IncomingMessage, text: string): Reply {
    if (method !== 'POST') return jsonReply(405, { error: 'invalid_request', error_description: 'use POST' }, { allow: 'POST' });
    const contentType = request.headers['content-type'] ?? '';
    if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      return jsonReply(400, { error: 'invalid_request', error_description: 'the body must be application/x-www-form-urlencoded' });
    }
    const result = this.tokens.issue(new URLSearchParams(text), request.headers.authorization);
    this.log.info({ status: result.status, error: result.body.error }, 'token request');
    return jsonReply(result.status, result.body, result.headers);
  }

  private control(method: string, pathname: string, text: string): Reply {
    const action = `${method} ${pathname}`;
    switch (action) {
      case 'GET /_counterpart/received':
        return jsonReply(200, { items: this.received });
      case 'GET /_counterpart/violations':
        return jsonReply(200, { items: this.violations });
      case 'GET /_counterpart/example-violations':
        return jsonReply(200, { items: this.exampleViolations });
      case 'GET /_counterpart/service':
        return jsonReply(200, this.data.services);
      case 'POST /_counterpart/service': {
        let input: unknown;
        try {
          input = JSON.parse(text);
        } catch {
          return jsonReply(400, { error: 'the service body is not JSON' });
        }
        const override = parseServiceOverride(input);
        if (typeof override === 'string') return jsonReply(400, { error: override });
        this.data.services[override.role] = applyServiceOverride(this.data.services[override.role], override);
        this.log.info({ override }, 'service metadata changed');
        return jsonReply(200, this.data.services);
      }
      case 'GET /_counterpart/faults':
        return jsonReply(200, { items: this.faults.list() });
      case 'POST /_counterpart/faults': {
        let input: unknown;
        try {
          input = JSON.parse(text);
        } catch {
          return jsonReply(400, { error: 'the fault body is not JSON' });
        }
        const fault = parseFault(input);
        if (typeof fault === 'string') return jsonReply(400, { error: fault });
        this.faults.add(fault);
        this.log.info({ fault }, 'fault injected');
        return jsonReply(200, { items: this.faults.list() });
      }
      case 'DELETE /_counterpart/faults':
        this.faults.clear();
        return jsonReply(200, { items: [] });
      case 'POST /_counterpart/revoke-tokens': {
        const revoked = this.tokens.revokeAll();
        this.log.info({ revoked }, 'tokens revoked');
        return jsonReply(200, { revoked });
      }
      case 'POST /_counterpart/reset':
        this.data = createDataset(this.dataset, this.seed, this.now ?? new Date());
        this.received = [];
        this.violations = [];
        this.exampleViolations = [];
        this.faults.clear();
        this.log.info('counterpart reset');
        return jsonReply(200, { today: this.data.today });
      default:
        return jsonReply(404, { error: `no control endpoint ${action}` });
    }
  }

  private ooapi(role: Role, method: string, url: URL, request: IncomingMessage, text: string): Reply {
    const path = url.pathname.slice(ROLES[role].prefix.length) || '/';
    const roleRoutes = ROUTES.filter((route) => route.role === role);
    const route = roleRoutes.find((candidate) => candidate.method === method && this.schema.matchOperation(method, path)?.template === candidate.template);

    if (!route) {
      const allowed = roleRoutes.filter((candidate) => this.schema.matchOperation(candidate.method, path)?.template === candidate.template).map((candidate) => candidate.method);
      if (allowed.length > 0) {
        return this.finish(role, method, path, null, { status: 405, headers: { allow: allowed.join(', ') }, body: problem(405, 'Method Not Allowed', `${method} is not allowed on ${path}; use ${allowed.join(', ')}.`).body });
      }
      return this.finish(role, method, path, null, problem(404, 'Not Found', `The ${role} role does not serve ${path}.`));
    }

    if (route.template !== '/') {
      const auth = this.tokens.check(request.headers.authorization, ROLES[role].scope);
      if (!auth.ok) {
        const response = problem(auth.status, auth.status === 401 ? 'Unauthorized' : 'Forbidden', auth.detail);
        if (auth.status === 401) response.headers = { 'www-authenticate': 'Bearer realm="oke-counterpart"' };
        return this.finish(role, method, path, route, response);
      }
    }

    const requestErrors = this.checkRequest(route, method, path, url.searchParams);
    let body: JsonValue | undefined;
    if (method === 'PATCH') {
      if (!isJsonContentType(request.headers['content-type'])) {
        requestErrors.push(`content type ${request.headers['content-type'] ?? '(none)'} is not application/merge-patch+json or application/json`);
      } else {
        try {
          body = JSON.parse(text) as JsonValue;
          // Stricter than the definition's anyOf, which lets any nl-test-admin consumer through as a generic one.
          requestErrors.push(...this.schema.validateOutboundBody(method, path, body).errors.map((line) => `body ${line}`));
        } catch {
          requestErrors.push('the body is not JSON');
        }
      }
    }

    if (requestErrors.length > 0) {
      this.recordViolation('request', method, url.pathname, 400, requestErrors);
      const reply = this.finish(role, method, path, route, problem(400, 'Bad Request', requestErrors.join('; ')));
      this.recordWrite(route, method, url.pathname, body, 400, requestErrors);
      return reply;
    }

    const fault = this.faults.take(role, method, path);
    if (fault && fault.kind !== 'missingFields') {
      this.recordWrite(route, method, url.pathname, body, fault.kind === 'notJson' ? 200 : Number(fault.kind.slice(6)), []);
      return this.faultReply(fault);
    }

    const match = this.schema.matchOperation(method, path);
    const response = route.handle({ path, pathParameters: match?.pathParameters ?? {}, query: url.searchParams, body }, this.data);
    this.recordWrite(route, method, url.pathname, body, response.status, []);
    if (fault) {
      this.log.info({ role, path, kind: fault.kind }, 'fault applied');
      return ooapiReply({ ...response, body: dropRequiredFields(response.body) });
    }
    return this.finish(role, method, path, route, response);
  }

  /** Returns the problems with the query string and path parameters of a request. */
  private checkRequest(route: Route, method: string, path: string, query: URLSearchParams): string[] {
    const errors: string[] = [];
    let checkedQuery = query;

    // NOTE: the OKE definition declares no `expand` on this operation. The
    // planning role still offers `expand=person`, so a venue can fetch candidates
    // in one request, and the counterpart checks that parameter itself.
    if (route.template === '/offerings/{offeringId}/associations' && query.has('expand')) {
      checkedQuery = new URLSearchParams(query);
      checkedQuery.delete('expand');
      const unknown = query.getAll('expand').flatMap((value) => value.split(',')).filter((value) => value !== 'person');
      if (unknown.length > 0) errors.push(`?expand must be "person", found ${unknown.join(', ')}`);
    }

    errors.push(...this.schema.validateQuery(method, path, checkedQuery).errors);

    const pathErrors = this.schema.validatePathParameters(method, path).errors;
    const pathParameters = this.schema.matchOperation(method, path)?.pathParameters ?? {};
    const { examples } = this.data;
    // An example's own id that is not a UUID reaches the venue, which then requests that resource.
    if (examples && pathErrors.length > 0 && Object.values(pathParameters).every((value) => examples.ids.has(value))) {
      this.recordExampleViolation({ direction: 'request', method, path: `${ROLES[route.role].prefix}${path}`, errors: pathErrors, examples: exampleNames(examples, pathParameters, undefined) });
    } else {
      errors.push(...pathErrors);
    }
    return errors;
  }

  private faultReply(fault: Fault): Reply {
    this.log.info({ role: fault.role, path: fault.path, kind: fault.kind }, 'fault applied');
    switch (fault.kind) {
      case 'notJson':
        return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, text: '<!DOCTYPE html><html><body><h1>Onderhoud</h1><p>Deze dienst is tijdelijk niet beschikbaar.</p></body></html>' };
      case 'status429':
        return ooapiReply({ ...problem(429, 'Too Many Requests', 'Injected fault: slow down.'), headers: { 'retry-after': '1' } });
      default:
        return ooapiReply(problem(500, 'Internal Server Error', 'Injected fault: the server failed.'));
    }
  }

  /** Validates an OOAPI response against the definition, records a violation if it fails, and builds the reply. */
  private finish(role: Role, method: string, path: string, route: Route | null, response: OoapiResponse): Reply {
    const status = response.status;
    let errors: string[];
    if (route && this.schema.declaresStatus(method, path, status)) {
      errors = this.schema.validateResponse(method, path, status, response.body).errors;
      if (status === 200) errors.push(...checkTestAdminConsumers(this.schema, route.template, response.body));
    } else {
      // The definition does not declare every error status on every operation
      // (PATCH /associations/{id} declares only 200 and 400); error bodies
      // still follow the OOAPI error schema.
      errors = status >= 400 ? this.schema.validateProblem(response.body).errors : [`status ${status} is not declared`];
    }
    const fullPath = `${ROLES[role].prefix}${path}`;
    const { examples } = this.data;
    if (errors.length > 0 && examples && route && status < 400) {
      const pathParameters = this.schema.matchOperation(method, path)?.pathParameters ?? {};
      this.recordExampleViolation({ direction: 'response', method, path: fullPath, status, errors, examples: exampleNames(examples, pathParameters, response.body) });
    } else if (errors.length > 0) {
      this.recordViolation('response', method, fullPath, status, errors);
    }
    return ooapiReply(response);
  }

  private recordWrite(route: Route, method: string, path: string, body: JsonValue | undefined, status: number, errors: string[]): void {
    if (route.flow === undefined) return;
    this.received.push({ method, path, flow: route.flow, body: body ?? null, status, valid: errors.length === 0, errors, receivedAt: new Date().toISOString() });
    this.log.info({ method, path, flow: route.flow, status }, 'write received');
  }

  private recordExampleViolation(violation: Omit<ExampleViolation, 'at'>): void {
    this.exampleViolations.push({ ...violation, at: new Date().toISOString() });
    this.log.info({ ...violation }, 'example violates the OKE definition');
  }

  private recordViolation(direction: Violation['direction'], method: string, path: string, status: number, errors: string[]): void {
    this.violations.push({ direction, method, path, status, errors, at: new Date().toISOString() });
    this.log.warn({ direction, method, path, status, errors }, 'OKE schema violation');
  }
}

/** Starts the counterpart on 127.0.0.1 and returns its base URL and a ready oke-lokaal config. */
export async function startCounterpart(options: CounterpartOptions = {}): Promise<RunningCounterpart> {
  const log = options.logger ?? pino({ level: 'silent' });
  const counterpart = new Counterpart(options.dataset ?? 'generated', options.seed ?? 1, options.now, options.tokenTtlSeconds ?? 3600, log);
  const server = createServer((request, response) => {
    void counterpart.handle(request, response);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  log.info({ baseUrl }, 'counterpart started');

  return {
    baseUrl,
    config: buildConfig(baseUrl),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) {
            reject(error);
            return;
          }
          log.info({ baseUrl }, 'counterpart stopped');
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
