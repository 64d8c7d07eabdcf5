/**
 * Tolerant readers for OKE payloads. They accept what senders really send
 * where the meaning is unambiguous, and keep the raw JSON so no upstream
 * field is lost. Unknown enum values are kept as they came. A ReadError names
 * the field when something the venue cannot work without is missing. Every deviation
 * from ooapiv5_MBO.yaml that is accepted is reported through `note`, so sync
 * can log what it normalised.
 *
 * Deliberate tolerances, each with the example or sender behaviour behind it:
 * - `extraTimeInMin` for the schema's association `additionalTimeInMin`
 *   (the standard's own PUT /associations examples).
 * - `extraTime` (minutes or ISO duration) for the component's
 *   `additionalTestingTime` (the flow 0 examples), and `P60M` there as
 *   sixty minutes rather than sixty months.
 * - A duration as whole minutes where the schema requires ISO 8601 (flow 2 notes).
 * - `lastPossibleStartTime` and `entryDateTime` for
 *   `lastPossibleStartDateTime` (flow 2 class diagram and scenario table).
 * - `assignedNeeds` as one object where the schema says an array (person
 *   examples).
 * - A person given as an id or as the expanded object.
 * - A LanguageTypedString given as a plain string.
 */
import { parseDurationMinutes } from '../time/duration';
import { parseDateTime } from '../time/zone';

export const consumerKey = 'nl-test-admin';

export class ReadError extends Error {
  override name = 'ReadError';
}

/** Receives one line per normalisation; the default drops them. */
export type NoteSink = (message: string) => void;
const ignore: NoteSink = () => undefined;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireObject(value: unknown, subject: string): Json {
  if (!isObject(value)) throw new ReadError(`${subject} is not a JSON object`);
  return value;
}

function requireString(object: Json, field: string, subject: string): string {
  const value = object[field];
  if (typeof value !== 'string' || value === '') throw new ReadError(`${subject} has no "${field}"`);
  return value;
}

function optionalString(object: Json, field: string): string | null {
  const value = object[field];
  return typeof value === 'string' && value !== '' ? value : null;
}

function optionalBoolean(object: Json, field: string): boolean | null {
  const value = object[field];
  return typeof value === 'boolean' ? value : null;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Finds the nl-test-admin consumer object, wherever it sits in the `consumers` array. */
export function findConsumer(object: Json): Json {
  const consumers = object.consumers;
  if (!Array.isArray(consumers)) return {};
  return consumers.find((consumer): consumer is Json => isObject(consumer) && consumer.consumerKey === consumerKey) ?? {};
}

/** Consumer keys other than nl-test-admin, kept so a screen can show that more was sent. */
function otherConsumerKeys(object: Json): string[] {
  const consumers = Array.isArray(object.consumers) ? object.consumers : [];
  return consumers
    .filter((consumer): consumer is Json => isObject(consumer) && typeof consumer.consumerKey === 'string' && consumer.consumerKey !== consumerKey)
    .map((consumer) => consumer.consumerKey as string);
}

/**
 * Picks the Dutch text of an OOAPI LanguageTypedString array: nl-NL first,
 * then any nl variant, then English, then the first entry.
 */
export function pickLanguage(value: unknown, note: NoteSink = ignore, where = 'text'): string | null {
  if (typeof value === 'string') {
    if (value) note(`${where} is a plain string, not a LanguageTypedString array`);
    return value || null;
  }
  if (!Array.isArray(value)) return null;
  const entries = value.filter(
    (entry): entry is { language: string; value: string } =>
      isObject(entry) && typeof entry.value === 'string' && entry.value !== '' && typeof entry.language === 'string',
  );
  const byPrefix = (prefix: string) => entries.find((entry) => entry.language.toLowerCase().startsWith(prefix));
  const picked = entries.find((entry) => entry.language.toLowerCase() === 'nl-nl') ?? byPrefix('nl') ?? byPrefix('en') ?? entries[0];
  return picked?.value ?? null;
}

/** Reads minutes from an ISO 8601 duration, noting when the sender used a bare number. */
function readMinutes(value: unknown, note: NoteSink, where: string): number | null {
  if (value === undefined || value === null) return null;
  // "P60M" is sixty months in ISO 8601, but the flow 0 examples use it for sixty
  // minutes of extra time. Months make no sense for a test, so it reads as minutes.
  const monthsAsMinutes = typeof value === 'string' ? /^P(\d+)M$/.exec(value) : null;
  if (monthsAsMinutes) {
    note(`${where} "${value}" read as ${monthsAsMinutes[1]} minutes (ISO 8601 would say months)`);
    return Number(monthsAsMinutes[1]);
  }
  const minutes = parseDurationMinutes(value);
  if (minutes === null) {
    note(`${where} is not a duration and was ignored: ${JSON.stringify(value)}`);
    return null;
  }
  if (typeof value === 'number' || /^\d+$/.test(String(value))) note(`${where} given as minutes (${String(value)}), not ISO 8601`);
  return minutes;
}

export interface ComponentRecord {
  componentId: string;
  name: string;
  abbreviation: string | null;
  durationMin: number | null;
  modeOfDelivery: string[];
  additionalTestingTimeMin: number | null;
  availablePersonalNeeds: string[];
  safety: string[];
  exam: boolean | null;
  resultValueType: string | null;
  passFrom: string | null;
  status: string | null;
  licensed: boolean | null;
  raw: Json;
}

export function readComponent(value: unknown, note: NoteSink = ignore): ComponentRecord {
  const object = requireObject(value, 'component');
  const componentId = requireString(object, 'componentId', 'component');
  const subject = `component ${componentId}`;
  const name = pickLanguage(object.name, note, `${subject} name`);
  if (!name) throw new ReadError(`${subject} has no "name"`);
  const consumer = findConsumer(object);

  let additional = readMinutes(consumer.additionalTestingTime, note, `${subject} additionalTestingTime`);
  if (additional === null && consumer.extraTime !== undefined) {
    note(`${subject} uses "extraTime" for "additionalTestingTime"`);
    additional = readMinutes(consumer.extraTime, note, `${subject} extraTime`);
  }
  const passFrom = consumer.passFrom;

  return {
    componentId,
    name,
    abbreviation: optionalString(object, 'abbreviation'),
    durationMin: readMinutes(object.duration, note, `${subject} duration`),
    modeOfDelivery: typeof object.modeOfDelivery === 'string' ? [object.modeOfDelivery] : stringArray(object.modeOfDelivery),
    additionalTestingTimeMin: additional,
    availablePersonalNeeds: stringArray(consumer.availablePersonalNeeds),
    safety: stringArray(consumer.safety),
    exam: optionalBoolean(consumer, 'exam'),
    resultValueType: optionalString(consumer, 'resultValueType'),
    // The schema types passFrom as a string, but the examples also send a number (5.5).
    passFrom: typeof passFrom === 'number' ? String(passFrom) : optionalString(consumer, 'passFrom'),
    status: optionalString(consumer, 'status'),
    licensed: optionalBoolean(consumer, 'licensed'),
    raw: object,
  };
}

export interface AssignedNeed {
  code: string;
  description: string | null;
  startDate: string | null;
  endDate: string | null;
}

export interface PersonRecord {
  personId: string;
  studentNumber: string | null;
  givenName: string | null;
  surnamePrefix: string | null;
  surname: string | null;
  displayName: string;
  preferredName: string | null;
  idCheckName: string | null;
  assignedNeeds: AssignedNeed[];
  otherCodes: { codeType: string; code: string }[];
  /** Filled by sync from a separate request; empty when read from a person object alone. */
  programmes: ProgrammeEnrolment[];
  raw: Json;
}

function readCodes(object: Json): { codeType: string; code: string }[] {
  const codes = [object.primaryCode, ...(Array.isArray(object.otherCodes) ? object.otherCodes : [])];
  return codes
    .filter((code): code is Json => isObject(code) && typeof code.codeType === 'string' && typeof code.code === 'string' && code.code !== '')
    .map((code) => ({ codeType: code.codeType as string, code: code.code as string }));
}

function readAssignedNeeds(value: unknown, note: NoteSink, subject: string): AssignedNeed[] {
  if (value === undefined || value === null) return [];
  let list: unknown[];
  if (Array.isArray(value)) {
    list = value;
  } else {
    note(`${subject} assignedNeeds is one object, not an array`);
    list = [value];
  }
  return list.filter(isObject).flatMap((need) => {
    const code = optionalString(need, 'code');
    if (!code) return [];
    return [{ code, description: pickLanguage(need.description), startDate: optionalString(need, 'startDate'), endDate: optionalString(need, 'endDate') }];
  });
}

export function readPerson(value: unknown, note: NoteSink = ignore): PersonRecord {
  const object = requireObject(value, 'person');
  const personId = requireString(object, 'personId', 'person');
  const subject = `person ${personId}`;
  const givenName = optionalString(object, 'givenName');
  const surnamePrefix = optionalString(object, 'surnamePrefix');
  const surname = optionalString(object, 'surname');
  const composed = [givenName, surnamePrefix, surname].filter(Boolean).join(' ');
  let displayName = optionalString(object, 'displayName');
  if (!displayName && composed) {
    note(`${subject} has no displayName; composed from the name parts`);
    displayName = composed;
  }
  if (!displayName) throw new ReadError(`${subject} has no "displayName" and no name parts`);
  const consumer = findConsumer(object);
  const codes = readCodes(object);

  return {
    personId,
    studentNumber: codes.find((code) => code.codeType === 'studentNumber')?.code ?? null,
    givenName,
    surnamePrefix,
    surname,
    displayName,
    // preferredName sits in the consumer per the schema; some senders put it on the person itself.
    preferredName: optionalString(consumer, 'preferredName') ?? optionalString(object, 'preferredName'),
    idCheckName: optionalString(consumer, 'idCheckName'),
    assignedNeeds: readAssignedNeeds(consumer.assignedNeeds, note, subject),
    otherCodes: codes,
    programmes: [],
    raw: object,
  };
}

/** A programme the person is enrolled in, as the student information system reports it in flow 1. */
export interface ProgrammeEnrolment {
  offeringId: string | null;
  name: string | null;
  cohort: string | null;
  location: string | null;
}

/**
 * Reads the programme enrolments from `GET /persons/{id}/associations`:
 * programme offering associations whose offering may be an id or the
 * expanded object. Cohort and location come from the nl-test-admin consumer
 * of the offering, or of the association when a sender puts them there.
 */
export function readProgrammeEnrolments(items: unknown[]): ProgrammeEnrolment[] {
  const enrolments: ProgrammeEnrolment[] = [];
  for (const item of items) {
    if (!isObject(item)) continue;
    const offering = isObject(item.offering) ? item.offering : null;
    const isProgramme = item.associationType === 'programOfferingAssociation' || offering?.offeringType === 'program';
    if (!isProgramme) continue;

    const offeringConsumer = offering ? findConsumer(offering) : {};
    const associationConsumer = findConsumer(item);
    enrolments.push({
      offeringId: offering ? optionalString(offering, 'offeringId') : typeof item.offering === 'string' ? item.offering : null,
      name: offering ? pickLanguage(offering.name) : null,
      cohort: optionalString(offeringConsumer, 'cohort') ?? optionalString(associationConsumer, 'cohort'),
      location: optionalString(offeringConsumer, 'location') ?? optionalString(associationConsumer, 'location'),
    });
  }
  return enrolments;
}

export interface OfferingRecord {
  offeringId: string;
  name: string;
  componentId: string | null;
  locationCode: string | null;
  startDateTime: string;
  endDateTime: string;
  offeringState: string;
  durationMin: number | null;
  startOption: string | null;
  durationFrom: string | null;
  durationUntil: string | null;
  lastPossibleStartDateTime: string | null;
  safety: string[];
  otherConsumers: string[];
  raw: Json;
}

const entryEndFields = ['lastPossibleStartDateTime', 'lastPossibleStartTime', 'entryDateTime'] as const;

export function readOffering(value: unknown, note: NoteSink = ignore): OfferingRecord {
  const object = requireObject(value, 'offering');
  const offeringId = requireString(object, 'offeringId', 'offering');
  const subject = `offering ${offeringId}`;
  const name = pickLanguage(object.name, note, `${subject} name`);
  if (!name) throw new ReadError(`${subject} has no "name"`);
  const consumer = findConsumer(object);
  if (Object.keys(consumer).length === 0) note(`${subject} has no nl-test-admin consumer`);

  // `component` is an id, or the expanded component object with `expand=component`.
  const componentId = isObject(object.component) ? optionalString(object.component, 'componentId') : optionalString(object, 'component');

  let lastPossibleStartDateTime: string | null = null;
  for (const field of entryEndFields) {
    const candidate = optionalString(consumer, field);
    if (candidate === null) continue;
    if (parseDateTime(candidate) === null) {
      note(`${subject} ${field} has no time zone and was ignored: ${candidate}`);
      continue;
    }
    if (field !== 'lastPossibleStartDateTime') note(`${subject} uses "${field}" for "lastPossibleStartDateTime"`);
    lastPossibleStartDateTime = candidate;
    break;
  }

  let offeringState = optionalString(consumer, 'offeringState');
  if (offeringState === null) {
    // The standard supports "active" and "canceled"; without the field the offering counts as active.
    note(`${subject} has no offeringState; taken as active`);
    offeringState = 'active';
  }

  return {
    offeringId,
    name,
    componentId,
    locationCode: optionalString(consumer, 'locationCode'),
    startDateTime: requireString(object, 'startDateTime', subject),
    endDateTime: requireString(object, 'endDateTime', subject),
    offeringState,
    durationMin: readMinutes(consumer.duration, note, `${subject} duration`),
    startOption: optionalString(consumer, 'startOptions'),
    durationFrom: optionalString(consumer, 'durationFrom'),
    durationUntil: optionalString(consumer, 'durationUntil'),
    lastPossibleStartDateTime,
    safety: stringArray(consumer.safety),
    otherConsumers: otherConsumerKeys(object),
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

export function readAssociation(value: unknown, note: NoteSink = ignore): AssociationRecord {
  const object = requireObject(value, 'association');
  const associationId = requireString(object, 'associationId', 'association');
  const subject = `association ${associationId}`;
  const consumer = findConsumer(object);

  let personId: string | null = null;
  let person: PersonRecord | null = null;
  if (isObject(object.person)) {
    person = readPerson(object.person, note);
    personId = person.personId;
  } else if (typeof object.person === 'string' && object.person !== '') {
    personId = object.person;
  }

  let extra = consumer.additionalTimeInMin;
  if (extra === undefined && consumer.extraTimeInMin !== undefined) {
    note(`${subject} uses "extraTimeInMin" for "additionalTimeInMin"`);
    extra = consumer.extraTimeInMin;
  }
  let additionalTimeInMin: number | null = null;
  if (typeof extra === 'number' && Number.isFinite(extra) && extra >= 0) {
    additionalTimeInMin = extra;
  } else if (typeof extra === 'string' && /^\d+$/.test(extra)) {
    note(`${subject} additionalTimeInMin is a string`);
    additionalTimeInMin = Number(extra);
  } else if (extra !== undefined && extra !== null) {
    note(`${subject} additionalTimeInMin is not a number and was ignored: ${JSON.stringify(extra)}`);
  }

  let state = optionalString(object, 'state');
  if (state === null) {
    note(`${subject} has no state; taken as associated`);
    state = 'associated';
  }

  return {
    associationId,
    personId,
    person,
    role: requireString(object, 'role', subject),
    state,
    additionalTimeInMin,
    personalNeeds: stringArray(consumer.personalNeeds),
    raw: object,
  };
}
