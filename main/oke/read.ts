/**
 * Tolerant readers for OKE payloads. They take what senders really send where
 * the meaning is unambiguous (a person as id or expanded object,
 * `extraTimeInMin` beside the schema's `additionalTimeInMin`), keep the raw
 * JSON so no upstream field is lost, and throw ReadError naming the field
 * when something the venue cannot work without is missing.
 */

export const consumerKey = 'nl-test-admin';

export class ReadError extends Error {
  override name = 'ReadError';
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireObject(value: unknown, what: string): Json {
  if (!isObject(value)) throw new ReadError(`${what} is not a JSON object`);
  return value;
}

function requireString(object: Json, field: string, what: string): string {
  const value = object[field];
  if (typeof value !== 'string' || value === '') throw new ReadError(`${what} has no "${field}"`);
  return value;
}

function optionalString(object: Json, field: string): string | null {
  const value = object[field];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The nl-test-admin consumer object, wherever it sits in the `consumers` array. */
export function findConsumer(object: Json): Json {
  const consumers = object.consumers;
  if (!Array.isArray(consumers)) return {};
  return consumers.find((consumer): consumer is Json => isObject(consumer) && consumer.consumerKey === consumerKey) ?? {};
}

/**
 * Picks the Dutch text of an OOAPI LanguageTypedString array: nl-NL first,
 * then any nl variant, then English, then the first entry. A plain string is
 * taken as is.
 */
export function pickLanguage(value: unknown): string | null {
  if (typeof value === 'string') return value || null;
  if (!Array.isArray(value)) return null;
  const entries = value.filter(
    (entry): entry is { language: string; value: string } =>
      isObject(entry) && typeof entry.value === 'string' && entry.value !== '' && typeof entry.language === 'string',
  );
  const byPrefix = (prefix: string) => entries.find((entry) => entry.language.toLowerCase().startsWith(prefix));
  const picked = entries.find((entry) => entry.language.toLowerCase() === 'nl-nl') ?? byPrefix('nl') ?? byPrefix('en') ?? entries[0];
  return picked?.value ?? null;
}

export interface ComponentRecord {
  componentId: string;
  name: string;
  abbreviation: string | null;
  raw: Json;
}

export function readComponent(value: unknown): ComponentRecord {
  const object = requireObject(value, 'component');
  const componentId = requireString(object, 'componentId', 'component');
  const name = pickLanguage(object.name);
  if (!name) throw new ReadError(`component ${componentId} has no "name"`);
  return { componentId, name, abbreviation: optionalString(object, 'abbreviation'), raw: object };
}

export interface PersonRecord {
  personId: string;
  studentNumber: string | null;
  givenName: string | null;
  surnamePrefix: string | null;
  surname: string | null;
  displayName: string;
  idCheckName: string | null;
  raw: Json;
}

/** The student number: primaryCode when its codeType is studentNumber, else the first such otherCode. */
function readStudentNumber(object: Json): string | null {
  const codes = [object.primaryCode, ...(Array.isArray(object.otherCodes) ? object.otherCodes : [])];
  for (const code of codes) {
    if (isObject(code) && code.codeType === 'studentNumber' && typeof code.code === 'string' && code.code !== '') return code.code;
  }
  return null;
}

export function readPerson(value: unknown): PersonRecord {
  const object = requireObject(value, 'person');
  const personId = requireString(object, 'personId', 'person');
  const givenName = optionalString(object, 'givenName');
  const surnamePrefix = optionalString(object, 'surnamePrefix');
  const surname = optionalString(object, 'surname');
  const composed = [givenName, surnamePrefix, surname].filter(Boolean).join(' ');
  const displayName = optionalString(object, 'displayName') ?? (composed || null);
  if (!displayName) throw new ReadError(`person ${personId} has no "displayName" and no name parts`);
  return {
    personId,
    studentNumber: readStudentNumber(object),
    givenName,
    surnamePrefix,
    surname,
    displayName,
    idCheckName: optionalString(findConsumer(object), 'idCheckName'),
    raw: object,
  };
}

export interface OfferingRecord {
  offeringId: string;
  name: string;
  componentId: string | null;
  locationCode: string | null;
  startDateTime: string;
  endDateTime: string;
  offeringState: string;
  raw: Json;
}

export function readOffering(value: unknown): OfferingRecord {
  const object = requireObject(value, 'offering');
  const offeringId = requireString(object, 'offeringId', 'offering');
  const what = `offering ${offeringId}`;
  const name = pickLanguage(object.name);
  if (!name) throw new ReadError(`${what} has no "name"`);
  const consumer = findConsumer(object);
  // `component` is an id, or the expanded component object with `expand=component`.
  const component = isObject(object.component) ? optionalString(object.component, 'componentId') : optionalString(object, 'component');
  return {
    offeringId,
    name,
    componentId: component,
    locationCode: optionalString(consumer, 'locationCode'),
    startDateTime: requireString(object, 'startDateTime', what),
    endDateTime: requireString(object, 'endDateTime', what),
    // The standard supports "active" and "canceled"; an offering without the consumer field is active.
    offeringState: optionalString(consumer, 'offeringState') ?? 'active',
    raw: object,
  };
}

export interface AssociationRecord {
  associationId: string;
  personId: string | null;
  /** The person object when the sender expanded it. */
  person: PersonRecord | null;
  role: string;
  state: string;
  additionalTimeInMin: number | null;
  personalNeeds: string[];
  raw: Json;
}

export function readAssociation(value: unknown): AssociationRecord {
  const object = requireObject(value, 'association');
  const associationId = requireString(object, 'associationId', 'association');
  const what = `association ${associationId}`;
  const consumer = findConsumer(object);

  let personId: string | null = null;
  let person: PersonRecord | null = null;
  if (isObject(object.person)) {
    person = readPerson(object.person);
    personId = person.personId;
  } else if (typeof object.person === 'string' && object.person !== '') {
    personId = object.person;
  }

  // The schema says additionalTimeInMin; several of the standard's own examples say extraTimeInMin.
  const extra = consumer.additionalTimeInMin ?? consumer.extraTimeInMin;
  const personalNeeds = Array.isArray(consumer.personalNeeds)
    ? consumer.personalNeeds.filter((need): need is string => typeof need === 'string')
    : [];

  return {
    associationId,
    personId,
    person,
    role: requireString(object, 'role', what),
    state: optionalString(object, 'state') ?? 'associated',
    additionalTimeInMin: typeof extra === 'number' && Number.isFinite(extra) ? extra : null,
    personalNeeds,
    raw: object,
  };
}
