/**
 * The `variants` dataset: a small school whose systems each fill in the
 * definition in their own way, all still valid against ooapiv5_MBO.yaml and
 * its nl-test-admin consumer schemas. It has:
 * - a planning system that ignores `expand=person`, so associations carry
 *   person ids only, and that puts at most two items on a page;
 * - `extraTimeInMin` next to `additionalTimeInMin` on associations;
 * - ISO 8601 durations as minutes, hours, hours and minutes, and seconds;
 * - the nl-test-admin consumer after another sender's consumer, and
 *   consumers the venue does not know;
 * - personal needs outside the examples' list;
 * - the six duration scenarios of flow 2 as zittingen at A-22 today;
 * - students, invigilators, coordinators and one assessor, and a canceled
 *   candidate and a canceled zitting;
 * - result value types 0.0-10.0 (pass from 5.5), pass-or-fail and
 *   referenceLevelRKTR;
 * - names with diacritics and surname prefixes.
 */
import { createHash } from 'node:crypto';

import { addDays, zonedDateTime } from './clock';
import { CONFIGURED_LOCATION } from './config';
import type { Dataset } from './dataset';
import type { JsonObject } from './json';
import { currentServiceMetadata } from './service';

const TEST_ADMIN = 'nl-test-admin';
const MAIL_DOMAIN = 'roc-varianten.example';

/** Returns a stable UUID (version 5 layout) for a label, so ids stay the same across runs. */
function uuidFor(label: string): string {
  const hex = createHash('sha1').update(`oke-variants:${label}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

function nl(value: string): JsonObject[] {
  return [{ language: 'nl-NL', value }];
}

interface ComponentSpec {
  code: string;
  name: string;
  duration: string;
  resultValueType: string;
  passFrom: string;
  exam: boolean;
  /** A consumer of another sender, listed before the nl-test-admin one. */
  before?: JsonObject;
}

const COMPONENTS: ComponentSpec[] = [
  { code: 'REK2F', name: 'Rekenen 2F', duration: 'PT1H30M', resultValueType: '0.0-10.0', passFrom: '5.5', exam: true, before: { consumerKey: 'x-facet', toetsCode: 'FCT-REK2F', versie: 3 } },
  { code: 'NL2F-LEZ', name: 'Nederlands 2F Lezen', duration: 'PT60M', resultValueType: 'referenceLevelRKTR', passFrom: '2F', exam: true },
  { code: 'NL3F-SCH', name: 'Nederlands 3F Schrijven', duration: 'PT5400S', resultValueType: '0.0-10.0', passFrom: '5.5', exam: true, before: { consumerKey: 'x-remindotoets', recipeId: 4711 } },
  { code: 'BURG', name: 'Burgerschap', duration: 'PT45M', resultValueType: 'pass-or-fail', passFrom: 'passed', exam: true },
  { code: 'REK-OEF', name: 'Oefentoets rekenen', duration: 'PT1H', resultValueType: 'pass-or-fail', passFrom: 'passed', exam: false },
];

function buildComponent(spec: ComponentSpec): JsonObject {
  const testAdmin: JsonObject = {
    consumerKey: TEST_ADMIN,
    additionalTestingTime: 30,
    availablePersonalNeeds: ['extraTime', 'spoken', 'spell-checker-on-screen'],
    safety: ['securedComputer', 'fixedLocation', 'surveillance'],
    exam: spec.exam,
    resultValueType: spec.resultValueType,
    passFrom: spec.passFrom,
    retries: spec.exam ? 2 : 0,
    status: 'active',
    licensed: true,
  };
  return {
    componentId: uuidFor(`component ${spec.code}`),
    primaryCode: { codeType: 'componentCode', code: spec.code },
    componentType: 'test',
    name: nl(spec.name),
    abbreviation: spec.code,
    modeOfDelivery: ['situated'],
    duration: spec.duration,
    teachingLanguage: 'nld',
    consumers: spec.before ? [spec.before, testAdmin] : [testAdmin],
  };
}

/** givenName, official given names, surname prefix, surname. */
const STUDENTS: [string, string, string, string][] = [
  ['Noëlle', 'Noëlle Maria', 'van der', 'Berg'],
  ['Ömer', 'Ömer Faruk', '', 'Çelik'],
  ['Daan', 'Daniël Pieter', "van 't", 'Hof'],
  ['Zoë', 'Zoë', 'de', 'Vries'],
  ['Aïcha', 'Aïcha', '', 'El Amrani'],
  ['Jürgen', 'Jürgen', '', 'Müller'],
  ['Anaïs', 'Anaïs Laura', 'de', 'Wit'],
  ['Chloë', 'Chloë', 'ten', 'Brink'],
  ['Ayşe', 'Ayşe Nur', '', 'Yılmaz'],
  ['Bram', 'Abraham', 'in ’t', 'Veld'],
  ['Esmée', 'Esmée', 'van den', 'Broek'],
  ['Sven', 'Sven', 'op de', 'Beeck'],
];

/** givenName, surname prefix, surname, role in the zittingen. */
const STAFF: [string, string, string, 'invigilator' | 'coordinator' | 'assessor'][] = [
  ['Marja', 'de', 'Boer', 'invigilator'],
  ['Hüseyin', '', 'Aydın', 'invigilator'],
  ['Els', '', 'Janssen', 'coordinator'],
  ['Frédérique', 'van', 'Wijk', 'assessor'],
];

function surnameWithPrefix(prefix: string, surname: string): string {
  return prefix === '' ? surname : `${prefix} ${surname}`;
}

function buildStudent(index: number, today: string): JsonObject {
  const [givenName, officialNames, prefix, surname] = STUDENTS[index] as [string, string, string, string];
  const studentNumber = String(3_000_101 + index * 13);
  const testAdmin: JsonObject = { consumerKey: TEST_ADMIN, idCheckName: `${surnameWithPrefix(prefix, surname)}, ${officialNames}` };
  if (officialNames.split(' ')[0] !== givenName) testAdmin.preferredName = givenName;
  if (index % 3 === 1) {
    const schoolYear = Number(today.slice(0, 4));
    testAdmin.assignedNeeds = [
      { code: 'extraTimeOnlyMath25%', description: nl('25% extra tijd bij toetsen met rekenen'), startDate: `${schoolYear - 1}-08-01`, endDate: `${schoolYear + 1}-07-31` },
    ];
  }

  const person: JsonObject = {
    personId: uuidFor(`student ${index}`),
    primaryCode: { codeType: 'studentNumber', code: studentNumber },
    givenName,
    surname,
    displayName: [givenName, prefix, surname].filter((part) => part !== '').join(' '),
    activeEnrollment: true,
    affiliations: ['student'],
    mail: `${studentNumber}@student.${MAIL_DOMAIN}`,
    languageOfChoice: ['nl-NL'],
    // The student information system lists its own consumer first.
    consumers: index % 2 === 0 ? [{ consumerKey: 'x-eduarte', deelnemernummer: studentNumber }, testAdmin] : [testAdmin],
  };
  if (prefix !== '') person.surnamePrefix = prefix;
  if (index % 4 === 0) person.otherCodes = [{ codeType: 'eckid', code: `https://ketenid.nl/201703/${uuidFor(`eckid ${index}`)}` }];
  return person;
}

function buildStaffMember(index: number): JsonObject {
  const [givenName, prefix, surname] = STAFF[index] as [string, string, string, string];
  const userName = `${givenName.slice(0, 1)}${prefix}${surname}`
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
  const person: JsonObject = {
    personId: uuidFor(`staff ${index}`),
    primaryCode: { codeType: 'userName', code: userName },
    givenName,
    surname,
    displayName: [givenName, prefix, surname].filter((part) => part !== '').join(' '),
    activeEnrollment: false,
    affiliations: ['employee'],
    mail: `${userName}@${MAIL_DOMAIN}`,
    consumers: [{ consumerKey: TEST_ADMIN, idCheckName: `${surnameWithPrefix(prefix, surname)}, ${givenName}` }],
  };
  if (prefix !== '') person.surnamePrefix = prefix;
  return person;
}

/** One zitting: times are local wall-clock times in Europe/Amsterdam. */
interface ZittingSpec {
  label: string;
  dayOffset: number;
  location: string;
  start: string;
  end: string;
  component: string;
  /** The nl-test-admin members that set the flow 2 duration scenario. */
  timing: JsonObject;
  /** Local time of `lastPossibleStartDateTime`, if the scenario has one. */
  lastStart?: string;
  state?: 'active' | 'canceled';
  /** Indexes into STUDENTS. */
  students: number[];
  staff: number[];
  /** Another sender's consumer, listed before the nl-test-admin one. */
  before?: JsonObject;
  /** Another sender's consumer, listed after the nl-test-admin one. */
  after?: JsonObject;
}

const INDIVIDUAL = { startOptions: 'individualStart', durationFrom: 'individualStartDateTime' };

// Scenarios 1 to 6 of the flow 2 duration table, in that order, then the rest.
const ZITTINGEN: ZittingSpec[] = [
  { label: 'scenario 1', dayOffset: 0, location: CONFIGURED_LOCATION, start: '08:30', end: '09:30', component: 'REK2F', timing: { duration: 'PT40M', ...INDIVIDUAL, durationUntil: 'endDateTime' }, students: [0, 1, 2], staff: [0, 2], before: { consumerKey: 'x-xedule', roosterId: 'XED-0830-A22' } },
  { label: 'scenario 2', dayOffset: 0, location: CONFIGURED_LOCATION, start: '09:45', end: '10:45', component: 'NL2F-LEZ', timing: { duration: 'PT0H40M', ...INDIVIDUAL, durationUntil: 'endDateTime' }, lastStart: '10:00', students: [3, 4, 5], staff: [1, 3] },
  { label: 'scenario 3', dayOffset: 0, location: CONFIGURED_LOCATION, start: '11:00', end: '12:00', component: 'NL3F-SCH', timing: { duration: 'PT2400S', ...INDIVIDUAL, durationUntil: 'testDuration' }, lastStart: '11:30', students: [6, 7, 8, 9], staff: [0], after: { consumerKey: 'x-osiris', toetsgelegenheid: 2 } },
  // Scenario 4 has no durationUntil: the table leaves it empty.
  { label: 'scenario 4', dayOffset: 0, location: CONFIGURED_LOCATION, start: '12:30', end: '13:30', component: 'BURG', timing: { duration: 'PT40M', startOptions: 'individualStart', durationFrom: 'startDateTime' }, students: [10, 11, 0], staff: [1, 2] },
  { label: 'scenario 5', dayOffset: 0, location: CONFIGURED_LOCATION, start: '13:45', end: '14:45', component: 'REK2F', timing: { duration: 'PT1H', startOptions: 'triggeredStart', durationFrom: 'triggeredStartDateTime', durationUntil: 'testDuration' }, students: [1, 3, 5], staff: [0, 2] },
  { label: 'scenario 6', dayOffset: 0, location: CONFIGURED_LOCATION, start: '15:00', end: '22:00', component: 'REK-OEF', timing: { duration: 'PT40M', ...INDIVIDUAL, durationUntil: 'testDuration' }, lastStart: '21:00', students: [2, 4, 6, 8], staff: [1] },
  { label: 'canceled', dayOffset: 1, location: CONFIGURED_LOCATION, start: '09:00', end: '10:00', component: 'BURG', timing: { duration: 'PT45M', ...INDIVIDUAL, durationUntil: 'testDuration' }, state: 'canceled', students: [7, 9], staff: [0] },
  { label: 'yesterday', dayOffset: -1, location: CONFIGURED_LOCATION, start: '09:00', end: '10:30', component: 'REK2F', timing: { duration: 'PT1H30M', ...INDIVIDUAL, durationUntil: 'testDuration' }, students: [10, 11], staff: [1] },
  { label: 'other room', dayOffset: 0, location: 'B-104', start: '09:00', end: '10:00', component: 'NL2F-LEZ', timing: { duration: 'PT60M', ...INDIVIDUAL, durationUntil: 'testDuration' }, students: [8, 9], staff: [0] },
];

// The canceled candidate sits in scenario 3; it keeps its place in the list.
const CANCELED_CANDIDATE = { zitting: 'scenario 3', student: 9 };

function buildZitting(spec: ZittingSpec, today: string, components: Map<string, JsonObject>): { offering: JsonObject; associations: JsonObject[] } {
  const date = addDays(today, spec.dayOffset);
  const offeringId = uuidFor(`offering ${spec.label}`);
  const component = components.get(spec.component) as JsonObject;
  const componentName = COMPONENTS.find((candidate) => candidate.code === spec.component)?.name ?? spec.component;

  const testAdmin: JsonObject = {
    consumerKey: TEST_ADMIN,
    ...spec.timing,
    safety: ['fixedLocation', 'surveillance'],
    offeringState: spec.state ?? 'active',
    locationCode: spec.location,
  };
  if (spec.lastStart) testAdmin.lastPossibleStartDateTime = zonedDateTime(date, spec.lastStart);

  const offering: JsonObject = {
    offeringId,
    primaryCode: { codeType: 'offeringCode', code: `${spec.location}-${date.replaceAll('-', '')}-${spec.start.replace(':', '')}-${spec.component}` },
    offeringType: 'component',
    name: nl(componentName),
    description: nl(`${componentName} op ${date} om ${spec.start} in lokaal ${spec.location}`),
    teachingLanguage: 'nld',
    modeOfDelivery: ['situated'],
    resultExpected: true,
    startDateTime: zonedDateTime(date, spec.start),
    endDateTime: zonedDateTime(date, spec.end),
    component: component.componentId as string,
    consumers: [...(spec.before ? [spec.before] : []), testAdmin, ...(spec.after ? [spec.after] : [])],
  };

  const associations: JsonObject[] = spec.students.map((student, position) => {
    const consumer: JsonObject = { consumerKey: TEST_ADMIN, personalNeeds: [] };
    if (student % 3 === 1) {
      // One planning system writes the standard's name, another the name from the flow 2 examples.
      if (position % 2 === 0) consumer.additionalTimeInMin = 30;
      else consumer.extraTimeInMin = 30;
      consumer.personalNeeds = ['extraTime'];
    }
    if (student % 4 === 2) consumer.personalNeeds = [...(consumer.personalNeeds as string[]), 'spoken', 'magnifier'];
    const canceled = spec.label === CANCELED_CANDIDATE.zitting && student === CANCELED_CANDIDATE.student;
    return {
      associationId: uuidFor(`association ${spec.label} student ${student}`),
      associationType: 'componentOfferingAssociation',
      role: 'student',
      state: canceled ? 'canceled' : 'associated',
      consumers: student % 2 === 0 ? [{ consumerKey: 'x-xedule', plaatsnummer: position + 1 }, consumer] : [consumer],
      person: uuidFor(`student ${student}`),
      offering: offeringId,
    };
  });
  for (const member of spec.staff) {
    const role = (STAFF[member] as [string, string, string, string])[3];
    associations.push({
      associationId: uuidFor(`association ${spec.label} staff ${member}`),
      associationType: 'componentOfferingAssociation',
      role,
      state: 'associated',
      person: uuidFor(`staff ${member}`),
      offering: offeringId,
    });
  }
  return { offering, associations };
}

/** Builds the variants dataset around the local date `today` (YYYY-MM-DD). */
export function buildVariantsDataset(today: string): Dataset {
  const components = COMPONENTS.map(buildComponent);
  const componentsByCode = new Map(COMPONENTS.map((spec, index) => [spec.code, components[index] as JsonObject]));

  const offerings: JsonObject[] = [];
  const associations: JsonObject[] = [];
  for (const spec of ZITTINGEN) {
    const zitting = buildZitting(spec, today, componentsByCode);
    offerings.push(zitting.offering);
    associations.push(...zitting.associations);
  }

  const people = [...STUDENTS.map((_, index) => buildStudent(index, today)), ...STAFF.map((_, index) => buildStaffMember(index))];
  return {
    today,
    components,
    offerings,
    associations,
    persons: new Map(people.map((person) => [person.personId as string, person])),
    expandsPersons: false,
    maxPageSize: 2,
    services: currentServiceMetadata(),
  };
}
