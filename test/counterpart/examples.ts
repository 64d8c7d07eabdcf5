/**
 * The `examples` dataset: the definition's own examples, read from the
 * vendored ooapiv5_MBO.yaml at start and served unchanged, so a test shows
 * that the venue reads what the standard itself shows.
 *
 * The definition has no example for every operation the venue calls, so each
 * resource comes from the nearest example of the same resource:
 * - GET /components and /components/{id}: the GET /components/{id} examples.
 * - GET /offerings: the flow 2.1 examples of PUT /offerings/{id}. The
 *   GET /offerings/{id} examples have no `offeringId`, and a list item
 *   without an id cannot be addressed.
 * - GET /offerings/{id}: the GET /offerings/{id} examples, without `offeringId`.
 * - GET /offerings/{id}/associations: the PUT /associations/{id} examples.
 *   The one with `person` as an id is served as is, the one with the person
 *   object is served on `expand=person`.
 * - GET /persons/{id}: the GET /persons/{id} examples.
 * - GET /: built from the `example` value of each property of the service
 *   metadata schema (the definition has no whole example of it).
 * Where two examples share an id (a full and a "minimal" variant), the first
 * one is served. The examples date from 2022, so a test syncs with its clock
 * set to the example zitting's day.
 */
import { readFileSync } from 'node:fs';

import { parse } from 'yaml';

import { OKE_SPEC_FILE } from '../../main/oke/schema';
import type { Dataset, ExampleIndex } from './dataset';
import { isJsonObject, type JsonObject, type JsonValue } from './json';

type NamedExample = { name: string; value: JsonObject };

interface ExampleSource {
  paths: Record<string, Record<string, JsonObject>>;
}

const ID_FIELDS = ['componentId', 'offeringId', 'associationId', 'personId'] as const;
const REFERENCE_FIELDS = [
  ['component', 'componentId'],
  ['offering', 'offeringId'],
  ['person', 'personId'],
] as const;

/** Key of `ExampleIndex.namesById`: the id field and the id, because examples reuse one id for different resources. */
export function exampleKey(field: string, id: string): string {
  return `${field} ${id}`;
}

function objectAt(value: JsonValue | undefined, ...keys: string[]): JsonObject {
  let current: JsonValue | undefined = value;
  for (const key of keys) current = isJsonObject(current) ? current[key] : undefined;
  return isJsonObject(current) ? current : {};
}

/** Returns the named examples of every media type under `content`. */
function examplesIn(content: JsonObject, label: string): NamedExample[] {
  return Object.values(content).flatMap((media) =>
    Object.entries(objectAt(media, 'examples')).flatMap(([name, example]) => {
      const value = objectAt(example, 'value');
      return Object.keys(value).length > 0 ? [{ name: `${label}: ${name}`, value }] : [];
    }),
  );
}

function responseExamples(source: ExampleSource, template: string): NamedExample[] {
  return examplesIn(objectAt(source.paths[template], 'get', 'responses', '200', 'content'), `GET ${template}`);
}

function requestExamples(source: ExampleSource, template: string, method: string): NamedExample[] {
  return examplesIn(objectAt(source.paths[template], method, 'requestBody', 'content'), `${method.toUpperCase()} ${template}`);
}

/** Builds a value from the `example` of a schema, or of its properties and items when it has none. */
function exampleFromSchema(schema: JsonValue | undefined): JsonValue | undefined {
  if (!isJsonObject(schema)) return undefined;
  if (schema.example !== undefined) return schema.example;
  if (isJsonObject(schema.properties)) {
    const built: JsonObject = {};
    for (const [name, property] of Object.entries(schema.properties)) {
      const value = exampleFromSchema(property);
      if (value !== undefined) built[name] = value;
    }
    return built;
  }
  if (schema.type === 'array') {
    const item = exampleFromSchema(schema.items);
    return item === undefined ? undefined : [item];
  }
  return undefined;
}

/** Keeps the first example per id, in the order of the definition. */
function firstPerId(examples: NamedExample[], idField: string): NamedExample[] {
  const seen = new Set<string>();
  return examples.filter(({ value }) => {
    const id = String(value[idField]);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function indexExamples(examples: NamedExample[]): ExampleIndex {
  const index: ExampleIndex = { namesById: new Map(), ids: new Set() };
  const add = (field: string, id: JsonValue | undefined, name: string): void => {
    if (typeof id !== 'string') return;
    index.ids.add(id);
    const key = exampleKey(field, id);
    index.namesById.set(key, [...new Set([...(index.namesById.get(key) ?? []), name])]);
  };
  for (const { name, value } of examples) {
    for (const field of ID_FIELDS) add(field, value[field], name);
  }

  // A reference names the example that holds it only when no example of its own describes the resource.
  for (const { name, value } of examples) {
    for (const [field, idField] of REFERENCE_FIELDS) {
      const reference = value[field];
      const id = isJsonObject(reference) ? reference[idField] : reference;
      if (typeof id === 'string' && !index.namesById.has(exampleKey(idField, id))) add(idField, id, name);
      if (typeof id === 'string') index.ids.add(id);
    }
  }
  return index;
}

/** Loads the examples dataset from the vendored definition. `today` only sets the default `since` of GET /offerings. */
export function loadExamplesDataset(today: string): Dataset {
  const source = parse(readFileSync(OKE_SPEC_FILE, 'utf8'), { maxAliasCount: -1 }) as ExampleSource;

  const components = firstPerId(responseExamples(source, '/components/{componentId}'), 'componentId');
  const offerings = firstPerId(requestExamples(source, '/offerings/{offeringId}', 'put'), 'offeringId');
  const offeringDetails = responseExamples(source, '/offerings/{offeringId}');
  const persons = firstPerId(responseExamples(source, '/persons/{personId}'), 'personId');
  const associationExamples = requestExamples(source, '/associations/{associationId}', 'put');

  const associations: JsonObject[] = [];
  const expandedPersons = new Map<string, JsonObject>();
  for (const { value } of associationExamples) {
    if (isJsonObject(value.person)) {
      expandedPersons.set(String(value.person.personId), value.person);
      continue;
    }
    if (!associations.some((association) => association.associationId === value.associationId)) associations.push(value);
  }

  // Every GET /offerings/{id} example describes the listed zitting, so the first one is served for its id.
  const detailsById = new Map<string, JsonObject>();
  const [listed] = offerings;
  const [detail] = offeringDetails;
  if (listed && detail) detailsById.set(String(listed.value.offeringId), detail.value);

  const serviceSchema = objectAt(source.paths['/'], 'get', 'responses', '200', 'content', 'application/json', 'schema');
  const service = exampleFromSchema(serviceSchema);
  const serviceBody = (): JsonObject => (isJsonObject(service) ? structuredClone(service) : {});

  const examples = indexExamples([...components, ...offerings, ...persons, ...associationExamples]);
  if (listed && detail) {
    const key = exampleKey('offeringId', String(listed.value.offeringId));
    examples.namesById.set(key, [...(examples.namesById.get(key) ?? []), detail.name]);
  }

  return {
    today,
    components: components.map(({ value }) => value),
    offerings: offerings.map(({ value }) => value),
    associations,
    persons: new Map(persons.map(({ value }) => [String(value.personId), value])),
    expandedPersons,
    expandsPersons: true,
    offeringDetails: detailsById,
    services: { ta: serviceBody(), sis: serviceBody(), tpl: serviceBody() },
    examples,
  };
}
