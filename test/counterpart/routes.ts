/**
 * The OOAPI operations each role serves, over the in-memory dataset. Handlers
 * see requests that already passed authentication and schema validation,
 * except for path ids that the definition's own examples use.
 */
import type { Role } from './config';
import type { Dataset } from './dataset';
import { applyMergePatch, isJsonObject, type JsonObject, type JsonValue } from './json';

export interface OoapiRequest {
  path: string;
  pathParameters: Record<string, string>;
  query: URLSearchParams;
  body: JsonValue | undefined;
}

export interface OoapiResponse {
  status: number;
  body?: JsonValue;
  headers?: Record<string, string>;
}

export interface Route {
  role: Role;
  method: string;
  /** Path template exactly as in the OKE definition. */
  template: string;
  /** OKE flow of a write, recorded by `/_counterpart/received`. */
  flow?: 3 | 4;
  handle(request: OoapiRequest, data: Dataset): OoapiResponse;
}

const DEFAULT_PAGE_SIZE = 10;

export function problem(status: number, title: string, detail: string): OoapiResponse {
  return { status, body: { status: String(status), title, detail } };
}

function notFound(kind: string, id: string | undefined): OoapiResponse {
  return problem(404, 'Not Found', `No ${kind} with id ${id ?? ''}.`);
}

function page(items: JsonValue[], query: URLSearchParams, data: Dataset): OoapiResponse {
  const requested = Number(query.get('pageSize') ?? DEFAULT_PAGE_SIZE);
  // A server may put fewer items on a page than requested, and `pageSize` in the body states how many.
  const pageSize = data.maxPageSize === undefined ? requested : Math.min(requested, data.maxPageSize);
  const pageNumber = Number(query.get('pageNumber') ?? 1);
  const totalPages = Math.ceil(items.length / pageSize);
  return {
    status: 200,
    body: {
      pageSize,
      pageNumber,
      hasPreviousPage: pageNumber > 1,
      hasNextPage: pageNumber < totalPages,
      totalPages,
      items: items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    },
  };
}

/** Returns the local date part of an RFC 3339 date-time with offset. */
function localDatePart(dateTime: JsonValue | undefined): string {
  return typeof dateTime === 'string' ? dateTime.slice(0, 10) : '';
}

function listOfferings(request: OoapiRequest, data: Dataset): OoapiResponse {
  const { query } = request;
  // Without `since` only offerings from today on are listed, as the definition specifies.
  const since = query.get('since') ?? data.today;
  const until = query.get('until');
  const offeringType = query.get('offeringType');

  // `since` and `until` bound the period inclusively, as the OKE afsprakenset 1.0.1 defines them.
  // NOTE: `q`, `teachingLanguage`, `resultExpected` and `sort` are accepted but not applied.
  const items = data.offerings
    .filter((offering) => offeringType === null || offering.offeringType === offeringType)
    .filter((offering) => localDatePart(offering.startDateTime) >= since)
    .filter((offering) => until === null || localDatePart(offering.endDateTime) <= until)
    .sort((a, b) => Date.parse(String(a.startDateTime)) - Date.parse(String(b.startDateTime)));
  return page(items, query, data);
}

function findOffering(data: Dataset, offeringId: string | undefined): JsonObject | undefined {
  return data.offerings.find((offering) => offering.offeringId === offeringId);
}

function listAssociationsOfOffering(request: OoapiRequest, data: Dataset): OoapiResponse {
  const offeringId = request.pathParameters.offeringId;
  if (!findOffering(data, offeringId)) return notFound('offering', offeringId);

  const { query } = request;
  const expandPerson = data.expandsPersons && (query.get('expand') ?? '').split(',').includes('person');
  const expandedPersons = data.expandedPersons ?? data.persons;
  const filters = ['associationType', 'role', 'state'] as const;
  const items = data.associations
    .filter((association) => association.offering === offeringId)
    .filter((association) => filters.every((name) => query.get(name) === null || association[name] === query.get(name)))
    .map((association) => {
      const person = expandedPersons.get(String(association.person));
      return expandPerson && person ? { ...association, person } : association;
    });
  return page(items, query, data);
}

// Ids stay as they are: a PATCH changes an association or offering, never which one it is.
function patchAssociation(request: OoapiRequest, data: Dataset): OoapiResponse {
  const associationId = request.pathParameters.associationId;
  const index = data.associations.findIndex((association) => association.associationId === associationId);
  const current = data.associations[index];
  if (!current) return notFound('association', associationId);

  const patched = applyMergePatch(current, request.body ?? {}) as JsonObject;
  const updated: JsonObject = { ...patched, associationId: current.associationId ?? null, person: current.person ?? null, offering: current.offering ?? null };
  data.associations[index] = updated;
  return { status: 200, body: { ...updated, message: [{ language: 'nl-NL', value: 'Wijziging van de deelname verwerkt.' }] } };
}

function patchOffering(request: OoapiRequest, data: Dataset): OoapiResponse {
  const offeringId = request.pathParameters.offeringId;
  const index = data.offerings.findIndex((offering) => offering.offeringId === offeringId);
  const current = data.offerings[index];
  if (!current) return notFound('offering', offeringId);

  const patched = applyMergePatch(current, request.body ?? {}) as JsonObject;
  data.offerings[index] = { ...patched, offeringId: current.offeringId ?? null };
  // The definition declares no body for 200 on this operation.
  return { status: 200 };
}

function listAssociationsOfPerson(request: OoapiRequest, data: Dataset): OoapiResponse {
  const personId = request.pathParameters.personId;
  if (!personId || !data.persons.has(personId)) return notFound('person', personId);

  // The query names the offering type ("programOffering"); the items carry it as associationType.
  const type = request.query.get('associationType');
  const items = (data.programmeEnrolments?.get(personId) ?? []).filter(
    (association) => type === null || association.associationType === `${type}Association`,
  );
  return page(items, request.query, data);
}

function listComponents(request: OoapiRequest, data: Dataset): OoapiResponse {
  const primaryCode = request.query.get('primaryCode');
  // NOTE: `q` and `sort` are accepted but not applied. The catalogue keeps its generated order.
  const items = data.components.filter((component) => {
    const code = component.primaryCode;
    return primaryCode === null || (isJsonObject(code) && code.code === primaryCode);
  });
  return page(items, request.query, data);
}

export const ROUTES: Route[] = [
  ...(['ta', 'sis', 'tpl'] as const).map((role): Route => ({ role, method: 'GET', template: '/', handle: (_request, data) => ({ status: 200, body: data.services[role] }) })),

  { role: 'ta', method: 'GET', template: '/components', handle: listComponents },
  {
    role: 'ta',
    method: 'GET',
    template: '/components/{componentId}',
    handle: ({ pathParameters }, data) => {
      const component = data.components.find((candidate) => candidate.componentId === pathParameters.componentId);
      return component ? { status: 200, body: component } : notFound('component', pathParameters.componentId);
    },
  },

  {
    role: 'sis',
    method: 'GET',
    template: '/persons/{personId}',
    handle: ({ pathParameters }, data) => {
      const person = data.persons.get(pathParameters.personId ?? '');
      return person ? { status: 200, body: person } : notFound('person', pathParameters.personId);
    },
  },
  { role: 'sis', method: 'GET', template: '/persons/{personId}/associations', handle: listAssociationsOfPerson },

  { role: 'tpl', method: 'GET', template: '/offerings', handle: listOfferings },
  {
    role: 'tpl',
    method: 'GET',
    template: '/offerings/{offeringId}',
    handle: ({ pathParameters }, data) => {
      const offering = data.offeringDetails?.get(pathParameters.offeringId ?? '') ?? findOffering(data, pathParameters.offeringId);
      return offering ? { status: 200, body: offering } : notFound('offering', pathParameters.offeringId);
    },
  },
  { role: 'tpl', method: 'GET', template: '/offerings/{offeringId}/associations', handle: listAssociationsOfOffering },
  { role: 'tpl', method: 'PATCH', template: '/associations/{associationId}', flow: 3, handle: patchAssociation },
  { role: 'tpl', method: 'PATCH', template: '/offerings/{offeringId}', flow: 4, handle: patchOffering },
];

