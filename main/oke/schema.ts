// Validates OKE request and response bodies, query strings and path parameters
// against the vendored OOAPI v5 definition (spec/ooapiv5_MBO.yaml).
//
// The definition reuses schemas through YAML anchors and aliases instead of
// `$ref`, and some of them are recursive, so a plain YAML parse yields circular
// objects that Ajv cannot compile. This module walks the YAML syntax tree
// instead and turns shared schemas into `$defs` entries referenced with
// `{ "$ref": "#/$defs/ref_N" }` (see SchemaConverter). Validators are compiled
// per operation on first use and cached: the first check of an operation is
// slow (an estimated few hundred milliseconds) and later ones are fast.
//
// This module imports neither electron nor the DOM: the app uses it at runtime
// to reject an outbound body that does not match the standard.

import { readFileSync } from 'node:fs';
import path from 'node:path';

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';

export interface SchemaCheck {
  valid: boolean;
  /** One line per problem: the JSON pointer of the value, a space and the message. */
  errors: string[];
}

export interface OperationMatch {
  /** Path template as written in the definition, e.g. `/associations/{associationId}`. */
  template: string;
  operationId: string;
  /** OAuth2 scopes that the definition lists for this operation. */
  scopes: string[];
  pathParameters: Record<string, string>;
}

export interface OkeSchema {
  /** Checks a request body. `pathname` is the OOAPI path without the base prefix. */
  validateRequestBody(method: string, pathname: string, body: unknown): SchemaCheck;
  /**
   * Checks a body that the venue sends with `validateRequestBody`, and also
   * checks every nl-test-admin consumer of a flow 3 or flow 4 PATCH against
   * its nl-test-admin schema alone (see `validateTestAdminConsumer`).
   */
  validateOutboundBody(method: string, pathname: string, body: unknown): SchemaCheck;
  /**
   * Checks one consumer object against the definition's nl-test-admin schema
   * of `kind`. The definition types every `consumers` item as `anyOf` a
   * generic consumer (any members) and that schema, so the full body check
   * passes an nl-test-admin consumer with an unknown enum value or without a
   * required member.
   */
  validateTestAdminConsumer(kind: TestAdminConsumerKind, consumer: unknown): SchemaCheck;
  /** Checks a response body. A status that the operation does not declare is invalid. */
  validateResponse(method: string, pathname: string, status: number, body: unknown): SchemaCheck;
  /** Checks the query string: declared parameters only, with their types, enums and required flags. */
  validateQuery(method: string, pathname: string, query: URLSearchParams): SchemaCheck;
  /** Checks the path parameters, for example that an id is a UUID. */
  validatePathParameters(method: string, pathname: string): SchemaCheck;
  /** Checks an OOAPI error body (`status`, `title`, `detail`). */
  validateProblem(body: unknown): SchemaCheck;
  /** Tells whether the operation declares a response for `status` (or a `default` one). */
  declaresStatus(method: string, pathname: string, status: number): boolean;
  matchOperation(method: string, pathname: string): OperationMatch | null;
}

/** Names of the nl-test-admin consumer schemas under `components.schemas`, without the `nl-test-admin-` prefix. */
export const TEST_ADMIN_CONSUMER_KINDS = ['Component', 'Person', 'Offering', 'Association', 'Result'] as const;
export type TestAdminConsumerKind = (typeof TEST_ADMIN_CONSUMER_KINDS)[number];

export const TEST_ADMIN_CONSUMER_KEY = 'nl-test-admin';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface ParameterDefinition {
  name: string;
  in: string;
  required: boolean;
  explode: boolean;
  schema: Json;
}

interface Operation {
  method: string;
  template: string;
  operationId: string;
  scopes: string[];
  pattern: RegExp;
  parameterNames: string[];
  literalSegments: number;
  node: YAMLMap;
}

const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties']);
const SCHEMA_KEYWORDS = new Set(['items', 'additionalProperties', 'not']);
const SCHEMA_LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf']);
// Documentation-only keywords, dropped so that Ajv does not have to carry them.
const DROPPED_KEYWORDS = new Set(['example', 'examples', 'discriminator', 'externalDocs', 'xml']);

export const OKE_SPEC_FILE = path.join(__dirname, 'spec', 'ooapiv5_MBO.yaml');

/**
 * Converts schema nodes of one YAML document to JSON Schema. A schema that the
 * document can reach twice becomes a `$defs` entry: an anchored schema under
 * its anchor name, and a schema inside an anchored `properties` map or
 * `allOf`/`anyOf`/`oneOf` list under `schema_at_<offset in the file>`. Every
 * cycle in the document passes through an alias, so these entries break all of
 * them and the rest can be inlined.
 */
class SchemaConverter {
  private readonly definitions = new Map<string, Json>();
  private readonly dependencies = new Map<string, Set<string>>();
  private readonly currentDefinitions: string[] = [];
  // Per definition, so that a cycle that the rule above misses fails loudly.
  private inlining = new Set<Node>();

  constructor(private readonly doc: Document) {}

  /** Builds a root schema for `node` whose `$defs` contains every definition it reaches. */
  rootSchema(node: Node): JsonObject {
    const directReferences = new Set<string>();
    this.currentDefinitions.push('');
    this.dependencies.set('', directReferences);
    let root: Json;
    try {
      root = this.toSchema(node, false);
    } finally {
      this.currentDefinitions.pop();
      this.dependencies.delete('');
    }

    const reached = new Set<string>();
    const pending = [...directReferences];
    while (pending.length > 0) {
      const name = pending.pop() as string;
      if (reached.has(name)) continue;
      reached.add(name);
      pending.push(...(this.dependencies.get(name) ?? []));
    }

    const $defs: JsonObject = {};
    for (const name of [...reached].sort()) $defs[name] = this.definitions.get(name) ?? true;
    const base: JsonObject = typeof root === 'object' && root !== null && !Array.isArray(root) ? root : { allOf: [root] };
    return reached.size > 0 ? { ...base, $defs } : base;
  }

  /** Follows aliases until a real node. */
  deref(node: unknown): Node | undefined {
    let current = node;
    while (isAlias(current)) current = current.resolve(this.doc);
    return current as Node | undefined;
  }

  /** Converts a node in a non-schema position to plain JSON, inlining aliases. */
  toPlain(node: unknown): Json {
    if (isAlias(node)) return this.toPlain(this.deref(node));
    if (isScalar(node)) return node.value as Json;
    if (isSeq(node)) return this.guardInline(node, () => node.items.map((item) => this.toPlain(item)));
    if (isMap(node)) {
      return this.guardInline(node, () => {
        const out: JsonObject = {};
        for (const pair of node.items) out[String(this.toPlain(pair.key))] = this.toPlain(pair.value);
        return out;
      });
    }
    return null;
  }

  private toSchema(node: unknown, shared: boolean): Json {
    if (isAlias(node)) {
      const target = this.deref(node);
      if (!isMap(target)) throw new Error(`anchor ${node.source} is used as a schema but is ${this.describe(target)}`);
      return this.define(node.source, target);
    }
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    if (!isMap(node)) throw new Error(`expected a schema object, found ${this.describe(node)}`);

    if (node.anchor) return this.define(node.anchor, node);
    if (shared) return this.define(`schema_at_${node.range?.[0] ?? 0}`, node);
    return this.guardInline(node, () => this.convertSchemaMap(node));
  }

  /** Returns a `$ref` to the definition `name`, converting `node` on first use. */
  private define(name: string, node: YAMLMap): Json {
    this.dependencies.get(this.currentDefinitions.at(-1) ?? '')?.add(name);
    if (!this.definitions.has(name)) {
      // The placeholder ends recursion: a nested use of `name` only needs the `$ref`.
      this.definitions.set(name, true);
      this.dependencies.set(name, new Set());
      this.currentDefinitions.push(name);
      const outerInlining = this.inlining;
      this.inlining = new Set();
      try {
        this.definitions.set(name, this.convertSchemaMap(node));
      } finally {
        this.currentDefinitions.pop();
        this.inlining = outerInlining;
      }
    }
    return { $ref: `#/$defs/${name}` };
  }

  private convertSchemaMap(map: YAMLMap): JsonObject {
    const out: JsonObject = {};
    for (const pair of map.items) {
      const key = String(this.toPlain(pair.key));
      if (DROPPED_KEYWORDS.has(key) || key.startsWith('x-')) continue;

      if (SCHEMA_MAP_KEYWORDS.has(key)) {
        out[key] = this.convertSchemaMapping(pair.value);
      } else if (SCHEMA_KEYWORDS.has(key)) {
        out[key] = this.toSchema(pair.value, false);
      } else if (SCHEMA_LIST_KEYWORDS.has(key)) {
        out[key] = this.convertSchemaList(pair.value);
      } else {
        out[key] = this.toPlain(pair.value);
      }
    }
    return out;
  }

  private convertSchemaMapping(node: unknown): JsonObject {
    const map = this.deref(node);
    if (!isMap(map)) throw new Error(`expected a map of schemas, found ${this.describe(map)}`);
    const shared = Boolean(map.anchor);
    return this.guardInline(map, () => {
      const out: JsonObject = {};
      for (const pair of map.items) out[String(this.toPlain(pair.key))] = this.toSchema(pair.value, shared);
      return out;
    });
  }

  private convertSchemaList(node: unknown): Json[] {
    const seq = this.deref(node);
    if (!isSeq(seq)) throw new Error(`expected a list of schemas, found ${this.describe(seq)}`);
    const shared = Boolean(seq.anchor);
    return this.guardInline(seq, () => seq.items.map((item) => this.toSchema(item, shared)));
  }

  private guardInline<T>(node: Node, convert: () => T): T {
    if (this.inlining.has(node)) throw new Error(`unresolved schema cycle at offset ${node.range?.[0] ?? '?'} of the OKE definition`);
    this.inlining.add(node);
    try {
      return convert();
    } finally {
      this.inlining.delete(node);
    }
  }

  private describe(node: unknown): string {
    if (isMap(node)) return 'a map';
    if (isSeq(node)) return 'a list';
    if (isScalar(node)) return `the scalar ${JSON.stringify(node.value)}`;
    return 'nothing';
  }
}

function formatErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const where = error.instancePath === '' ? '/' : error.instancePath;
    let detail = '';
    if (error.keyword === 'additionalProperties') detail = ` (${String(error.params.additionalProperty)})`;
    if (error.keyword === 'enum') detail = ` (${(error.params.allowedValues as unknown[]).map(String).join(', ')})`;
    return `${where} ${error.message ?? error.keyword}${detail}`;
  });
}

function getMapValue(map: unknown, key: string): unknown {
  return isMap(map) ? map.get(key, true) : undefined;
}

function invalid(message: string): SchemaCheck {
  return { valid: false, errors: [message] };
}

function isJsonObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows `$ref`s into the `$defs` of `root` until a schema with content. */
function resolveLocal(schema: Json | undefined, root: Json): JsonObject | undefined {
  let current = schema;
  for (let hops = 0; isJsonObject(current) && typeof current.$ref === 'string' && hops < 32; hops++) {
    const definitions = isJsonObject(root) ? root.$defs : undefined;
    current = isJsonObject(definitions) ? definitions[current.$ref.replace('#/$defs/', '')] : undefined;
  }
  return isJsonObject(current) ? current : undefined;
}

// Query values are strings on the wire, so the declared type decides how to read them.
function coerceQueryValue(raw: string, schema: JsonObject | undefined): unknown {
  const type = schema?.type;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

class OkeSchemaValidator implements OkeSchema {
  private readonly doc: Document;
  private readonly converter: SchemaConverter;
  private readonly operations: Operation[];
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();
  private readonly parameterCache = new Map<string, ParameterDefinition[]>();

  constructor(source: string) {
    this.doc = parseDocument(source);
    if (this.doc.errors.length > 0) throw new Error(`invalid OKE definition: ${this.doc.errors[0]?.message ?? ''}`);
    this.converter = new SchemaConverter(this.doc);
    this.operations = this.collectOperations();

    // OpenAPI 3.0 keywords (`nullable`) are Ajv keywords, and strict mode is off
    // so that annotations such as `example` and `x-*` do not fail compilation.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
  }

  matchOperation(method: string, pathname: string): OperationMatch | null {
    const operation = this.findOperation(method, pathname);
    if (!operation) return null;
    const values = operation.pattern.exec(pathname)?.slice(1) ?? [];
    const pathParameters: Record<string, string> = {};
    operation.parameterNames.forEach((name, index) => {
      const raw = values[index] ?? '';
      try {
        pathParameters[name] = decodeURIComponent(raw);
      } catch {
        // A malformed escape stays as sent, so the UUID check rejects it.
        pathParameters[name] = raw;
      }
    });
    return { template: operation.template, operationId: operation.operationId, scopes: operation.scopes, pathParameters };
  }

  validateRequestBody(method: string, pathname: string, body: unknown): SchemaCheck {
    const operation = this.findOperation(method, pathname);
    if (!operation) return invalid(`${method.toUpperCase()} ${pathname} is not an operation of the OKE definition`);
    const requestBody = this.converter.deref(getMapValue(operation.node, 'requestBody'));
    if (!requestBody) return invalid(`${operation.method} ${operation.template} takes no request body`);
    return this.check(`${operation.operationId} request`, () => this.mediaSchema(getMapValue(requestBody, 'content')), body);
  }

  validateOutboundBody(method: string, pathname: string, body: unknown): SchemaCheck {
    const check = this.validateRequestBody(method, pathname, body);
    const template = this.findOperation(method, pathname)?.template;
    const object = isJsonObject(body as Json) ? (body as JsonObject) : {};
    const errors = [...check.errors];

    if (method.toUpperCase() === 'PATCH' && template === '/associations/{associationId}') {
      const result = isJsonObject(object.result) ? object.result : {};
      errors.push(...this.checkTestAdminConsumers('Result', result.consumers, '/result/consumers'));
      errors.push(...this.checkTestAdminConsumers('Association', object.consumers, '/consumers'));
    }
    if (method.toUpperCase() === 'PATCH' && template === '/offerings/{offeringId}') {
      errors.push(...this.checkTestAdminConsumers('Offering', object.consumers, '/consumers'));
    }
    return { valid: errors.length === 0, errors };
  }

  validateTestAdminConsumer(kind: TestAdminConsumerKind, consumer: unknown): SchemaCheck {
    return this.check(`nl-test-admin-${kind}`, () => this.namedSchema(`nl-test-admin-${kind}`), consumer);
  }

  declaresStatus(method: string, pathname: string, status: number): boolean {
    const operation = this.findOperation(method, pathname);
    return operation !== undefined && this.responseNode(operation, status) !== undefined;
  }

  validateResponse(method: string, pathname: string, status: number, body: unknown): SchemaCheck {
    const operation = this.findOperation(method, pathname);
    if (!operation) return invalid(`${method.toUpperCase()} ${pathname} is not an operation of the OKE definition`);
    const response = this.responseNode(operation, status);
    if (!response) return invalid(`status ${status} is not declared for ${operation.method} ${operation.template}`);

    const content = getMapValue(response, 'content');
    if (!content) {
      return body === undefined || body === null || body === ''
        ? { valid: true, errors: [] }
        : invalid(`status ${status} of ${operation.method} ${operation.template} declares no body`);
    }
    return this.check(`${operation.operationId} ${status}`, () => this.mediaSchema(content), body);
  }

  validateQuery(method: string, pathname: string, query: URLSearchParams): SchemaCheck {
    const operation = this.findOperation(method, pathname);
    if (!operation) return invalid(`${method.toUpperCase()} ${pathname} is not an operation of the OKE definition`);
    const parameters = this.parameters(operation).filter((parameter) => parameter.in === 'query');
    const errors: string[] = [];

    for (const name of new Set(query.keys())) {
      if (!parameters.some((parameter) => parameter.name === name)) errors.push(`?${name} is not a query parameter of ${operation.template}`);
    }
    for (const parameter of parameters) {
      const values = query.getAll(parameter.name);
      if (values.length === 0) {
        if (parameter.required) errors.push(`?${parameter.name} is required`);
        continue;
      }
      errors.push(...this.checkParameter(operation, parameter, values));
    }
    return { valid: errors.length === 0, errors };
  }

  validatePathParameters(method: string, pathname: string): SchemaCheck {
    const match = this.matchOperation(method, pathname);
    const operation = this.findOperation(method, pathname);
    if (!match || !operation) return invalid(`${method.toUpperCase()} ${pathname} is not an operation of the OKE definition`);
    const errors: string[] = [];
    for (const parameter of this.parameters(operation).filter((candidate) => candidate.in === 'path')) {
      const value = match.pathParameters[parameter.name];
      if (value !== undefined) errors.push(...this.checkParameter(operation, parameter, [value]));
    }
    return { valid: errors.length === 0, errors };
  }

  validateProblem(body: unknown): SchemaCheck {
    return this.validateResponse('GET', '/', 400, body);
  }

  /** Returns the errors of each nl-test-admin item of a `consumers` array, with its JSON pointer under `where`. */
  private checkTestAdminConsumers(kind: TestAdminConsumerKind, consumers: Json | undefined, where: string): string[] {
    if (!Array.isArray(consumers)) return [];
    return consumers.flatMap((consumer, index) => {
      if (!isJsonObject(consumer) || consumer.consumerKey !== TEST_ADMIN_CONSUMER_KEY) return [];
      const prefix = `${where}/${index}`;
      return this.validateTestAdminConsumer(kind, consumer).errors.map((line) => (line.startsWith('/ ') ? `${prefix}${line.slice(1)}` : `${prefix}${line}`));
    });
  }

  // The named nl-test-admin schemas share their `required` and `properties`
  // anchors with the nl-test-admin branch of each `consumers` anyOf, so they
  // are that branch.
  private namedSchema(name: string): { root: Json } | { missing: string } {
    const node = this.converter.deref(this.doc.getIn(['components', 'schemas', name], true));
    if (!isMap(node)) return { missing: `the OKE definition has no schema ${name}` };
    return { root: this.converter.rootSchema(node) };
  }

  private responseNode(operation: Operation, status: number): Node | undefined {
    const responses = this.converter.deref(getMapValue(operation.node, 'responses'));
    return this.converter.deref(getMapValue(responses, String(status)) ?? getMapValue(responses, 'default'));
  }

  private checkParameter(operation: Operation, parameter: ParameterDefinition, values: string[]): string[] {
    const schema = parameter.schema;
    const resolved = resolveLocal(schema, schema);
    const isArray = resolved?.type === 'array';
    if (!isArray && values.length > 1) return [`?${parameter.name} must occur once`];

    let value: unknown;
    if (isArray) {
      const items = resolveLocal(resolved.items, schema);
      const parts = parameter.explode ? values : values.flatMap((raw) => raw.split(','));
      value = parts.map((part) => coerceQueryValue(part, items));
    } else {
      value = coerceQueryValue(values[0] ?? '', resolved);
    }

    const key = `${operation.operationId} ${parameter.in} ${parameter.name}`;
    const check = this.check(key, () => ({ root: schema }), value);
    const prefix = parameter.in === 'query' ? `?${parameter.name}` : `{${parameter.name}}`;
    return check.errors.map((line) => `${prefix}${line.startsWith('/ ') ? line.slice(1) : line}`);
  }

  private check(key: string, resolve: () => { root: Json } | { missing: string }, data: unknown): SchemaCheck {
    let validate = this.cache.get(key);
    if (!validate) {
      const resolved = resolve();
      if ('missing' in resolved) return invalid(resolved.missing);
      validate = this.ajv.compile(resolved.root as object);
      this.cache.set(key, validate);
    }
    const valid = validate(data) as boolean;
    return { valid, errors: valid ? [] : formatErrors(validate.errors) };
  }

  // Prefers `application/json`, then any other media type (PATCH bodies are
  // `application/merge-patch+json`, errors `application/problem+json`).
  private mediaSchema(contentNode: unknown): { root: Json } | { missing: string } {
    const content = this.converter.deref(contentNode);
    if (!isMap(content) || content.items.length === 0) return { missing: 'no media type is declared' };
    const media = this.converter.deref(content.get('application/json', true) ?? content.items[0]?.value);
    const schema = getMapValue(media, 'schema');
    if (!schema) return { root: true };
    return { root: this.converter.rootSchema(schema as Node) };
  }

  private parameters(operation: Operation): ParameterDefinition[] {
    const cached = this.parameterCache.get(operation.operationId);
    if (cached) return cached;

    const list = this.converter.deref(getMapValue(operation.node, 'parameters'));
    const parameters: ParameterDefinition[] = [];
    for (const item of isSeq(list) ? list.items : []) {
      const parameter = this.converter.deref(item);
      const schemaNode = getMapValue(parameter, 'schema');
      const location = String(this.converter.toPlain(getMapValue(parameter, 'in')));
      const explode = this.converter.toPlain(getMapValue(parameter, 'explode'));
      parameters.push({
        name: String(this.converter.toPlain(getMapValue(parameter, 'name'))),
        in: location,
        required: this.converter.toPlain(getMapValue(parameter, 'required')) === true,
        // OpenAPI 3.0 default for `style: form` (query) is explode true.
        explode: explode === null ? location === 'query' : explode === true,
        schema: schemaNode ? this.converter.rootSchema(schemaNode as Node) : true,
      });
    }
    this.parameterCache.set(operation.operationId, parameters);
    return parameters;
  }

  private findOperation(method: string, pathname: string): Operation | undefined {
    const upper = method.toUpperCase();
    return this.operations.find((operation) => operation.method === upper && operation.pattern.test(pathname));
  }

  private collectOperations(): Operation[] {
    const paths = this.converter.deref(this.doc.get('paths', true));
    if (!isMap(paths)) throw new Error('the OKE definition has no paths');
    const operations: Operation[] = [];

    for (const pathPair of paths.items) {
      const template = String(this.converter.toPlain(pathPair.key));
      const pathItem = this.converter.deref(pathPair.value);
      if (!isMap(pathItem)) continue;

      const parameterNames: string[] = [];
      const segments = template.split('/').map((segment) => {
        const name = /^\{(.+)\}$/.exec(segment)?.[1];
        if (name === undefined) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        parameterNames.push(name);
        return '([^/]+)';
      });
      const pattern = new RegExp(`^${template === '/' ? '/?' : segments.join('/')}$`);
      const literalSegments = template.split('/').filter((segment) => segment !== '' && !segment.startsWith('{')).length;

      for (const methodPair of pathItem.items) {
        const method = String(this.converter.toPlain(methodPair.key)).toUpperCase();
        const node = this.converter.deref(methodPair.value);
        if (!isMap(node) || !node.has('operationId')) continue;

        const security = this.converter.toPlain(node.get('security', true));
        const scopes = new Set<string>();
        for (const requirement of Array.isArray(security) ? security : []) {
          const flows = requirement !== null && typeof requirement === 'object' && !Array.isArray(requirement) ? requirement.oAuthFlows : undefined;
          if (Array.isArray(flows)) for (const scope of flows) scopes.add(String(scope));
        }

        operations.push({
          method,
          template,
          operationId: String(this.converter.toPlain(node.get('operationId', true))),
          scopes: [...scopes],
          pattern,
          parameterNames,
          literalSegments,
          node,
        });
      }
    }

    // Templates with more literal segments are tried first, so a literal segment beats a parameter.
    return operations.sort((a, b) => b.literalSegments - a.literalSegments);
  }
}

let shared: OkeSchema | undefined;

/** Returns the validator for the vendored OKE definition, loading it on first use. */
export function loadOkeSchema(): OkeSchema {
  shared ??= new OkeSchemaValidator(readFileSync(OKE_SPEC_FILE, 'utf8'));
  return shared;
}
