/**
 * Generates the counterpart's school: a TA catalogue, SIS persons and a TPL
 * zittingsplan. The same seed and day give the same data. Zittingen run from
 * yesterday to six days ahead of "today" in Europe/Amsterdam, so a demo always
 * has zittingen today at the configured location.
 */
import { addDays, localDateOf, zonedDateTime } from './clock';
import { CONFIGURED_LOCATION } from './config';
import type { JsonObject } from './json';
import { buildProgrammeEnrolments } from './programmes';
import { currentServiceMetadata, type ServiceMetadata } from './service';

export interface Dataset {
  /** Local date (YYYY-MM-DD) the zittingen are planned around. */
  today: string;
  components: JsonObject[];
  offerings: JsonObject[];
  /** Associations with `person` and `offering` as ids. With `expand=person` the served copy embeds the person. */
  associations: JsonObject[];
  /** Persons of the SIS role, by personId. */
  persons: Map<string, JsonObject>;
  /** Persons the planning role embeds on `expand=person`, when they differ from the SIS persons. */
  expandedPersons?: Map<string, JsonObject>;
  /** Programme enrolments per personId, served by the SIS on `GET /persons/{personId}/associations`. */
  programmeEnrolments?: Map<string, JsonObject[]>;
  /** False for a planning system that ignores `expand=person` and sends person ids only. */
  expandsPersons: boolean;
  /** Bodies of `GET /offerings/{offeringId}` that differ from the listed offering. */
  offeringDetails?: Map<string, JsonObject>;
  /** Maximum number of items on one page, whatever `pageSize` the request sets. */
  maxPageSize?: number;
  /** Body of `GET /` per role. The service control changes it. */
  services: ServiceMetadata;
  /** Set when the data are the definition's own examples. */
  examples?: ExampleIndex;
}

/** Origin of the served examples, so that the violations they cause are listed apart from the venue's. */
export interface ExampleIndex {
  /** Example names per id field and id, such as "offeringId 123e…", keyed by `exampleKey`. */
  namesById: Map<string, string[]>;
  /** Every id that some example uses, also ids that are not UUIDs. */
  ids: Set<string>;
}

export const LOCATIONS = [CONFIGURED_LOCATION, 'B-104', 'C-013'] as const;
const consumerKey = 'nl-test-admin';
const mailDomain = 'roc-oke.example';

interface ComponentTemplate {
  code: string;
  name: string;
  description: string;
  minutes: number;
  resultValueType: string;
  passFrom: string;
  personalNeeds: string[];
}

const COMPONENTS: ComponentTemplate[] = [
  { code: 'NL2F-LEZ', name: 'Nederlands 2F Lezen', description: 'Centraal ontwikkeld examen Nederlands lezen op niveau 2F', minutes: 60, resultValueType: '0.0-10.0', passFrom: '5.5', personalNeeds: ['extraTime', 'spoken'] },
  { code: 'REK2F', name: 'Rekenen 2F', description: 'Rekentoets mbo op niveau 2F', minutes: 60, resultValueType: '0.0-10.0', passFrom: '5.5', personalNeeds: ['extraTime', 'spoken'] },
  { code: 'ENG-B1-LEZ', name: 'Engels B1 Lezen', description: 'Examen Engels leesvaardigheid op ERK-niveau B1', minutes: 60, resultValueType: 'referenceLevelERK', passFrom: 'B1', personalNeeds: ['extraTime'] },
  { code: 'BURG', name: 'Burgerschap', description: 'Kennistoets burgerschap, politiek-juridische dimensie', minutes: 45, resultValueType: 'pass-or-fail', passFrom: 'pass', personalNeeds: ['extraTime', 'spoken', 'spell-checker-on-screen'] },
  { code: 'NL3F-SCH', name: 'Nederlands 3F Schrijven', description: 'Schrijfopdracht Nederlands op niveau 3F', minutes: 75, resultValueType: '0.0-10.0', passFrom: '5.5', personalNeeds: ['extraTime', 'spell-checker-on-screen'] },
];

// Fixed first students, so every dataset shows prefixes and diacritics.
const NAMED_STUDENTS: [string, string, string, string][] = [
  ['Noëlle', 'Noëlle Maria', 'van der', 'Berg'],
  ['Aïcha', 'Aïcha', '', 'El Amrani'],
  ['Zoë', 'Zoë Johanna', 'de', 'Vries'],
  ['Ömer', 'Ömer Faruk', '', 'Çelik'],
  ['Daan', 'Daniël Pieter', "van 't", 'Hof'],
  ['Sanne', 'Susanna', 'ter', 'Horst'],
];
const GIVEN_NAMES = ['Lotte', 'Fleur', 'Mohammed', 'Yusuf', 'Jesse', 'Emma', 'Bram', 'Liam', 'Sara', 'Anouk', 'Thijs', 'Femke', 'Niels', 'Julia', 'Mila', 'Luuk', 'Esmée', 'Chloë', 'Ilse', 'Priya', 'Rayan', 'Nova', 'Tess', 'Jayden', 'Eline', 'Mees', 'Fatima', 'Joris', 'Ayşe', 'Sem'];
const SURNAMES: [string, string][] = [
  ['', 'Jansen'], ['van', 'Dijk'], ['', 'Bakker'], ['', 'Yılmaz'], ['de', 'Jong'], ['van den', 'Broek'], ['', 'Visser'],
  ['', 'Smit'], ['', 'Meijer'], ['', 'Mulder'], ['ten', 'Brink'], ['', 'Öztürk'], ['', 'Kramer'], ['van', 'Leeuwen'],
  ['', 'Bos'], ['', 'Peters'], ['de', 'Graaf'], ['', 'Hendriks'], ['van der', 'Meer'], ['', 'Boukhari'], ['in ’t', 'Veld'],
];
const STAFF: [string, string, string, 'invigilator' | 'coordinator' | 'assessor'][] = [
  ['Marja', 'de', 'Boer', 'invigilator'],
  ['Hans', '', 'Vermeulen', 'invigilator'],
  ['Petra', 'van', 'Wijk', 'invigilator'],
  ['Ahmed', '', 'Benali', 'invigilator'],
  ['Ingrid', '', 'Postma', 'invigilator'],
  ['Kees', '', 'Verhoeven', 'invigilator'],
  ['Els', '', 'Janssen', 'coordinator'],
  ['Rob', 'van der', 'Linden', 'coordinator'],
  ['Fatima', 'el', 'Idrissi', 'assessor'],
];

interface Slot {
  start: string;
  end: string;
}
const MORNING: Slot = { start: '09:00', end: '10:30' };
const LATE_MORNING: Slot = { start: '11:00', end: '12:30' };
const AFTERNOON: Slot = { start: '13:00', end: '14:30' };

/** Mulberry32: a small seeded generator, good enough for test data. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Generator {
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = createRandom(seed);
  }

  integer(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.integer(0, items.length - 1)] as T;
  }

  chance(probability: number): boolean {
    return this.random() < probability;
  }

  /** Returns a version 4 UUID drawn from the seeded generator. */
  uuid(): string {
    const bytes = Array.from({ length: 16 }, () => this.integer(0, 255));
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = this.integer(0, index);
      [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
    }
    return copy;
  }
}

function nl(value: string): JsonObject[] {
  return [{ language: 'nl-NL', value }];
}

function fullName(givenName: string, prefix: string, surname: string): string {
  return [givenName, prefix, surname].filter((part) => part !== '').join(' ');
}

function mailName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

function buildComponents(generator: Generator): JsonObject[] {
  return COMPONENTS.map((template) => ({
    componentId: generator.uuid(),
    primaryCode: { codeType: 'componentCode', code: template.code },
    componentType: 'test',
    name: nl(template.name),
    abbreviation: template.code,
    modeOfDelivery: ['situated'],
    duration: `PT${template.minutes}M`,
    description: nl(template.description),
    teachingLanguage: 'nld',
    assessment: nl('Digitale toetsing op locatie'),
    consumers: [
      {
        consumerKey,
        additionalTestingTime: 30,
        availablePersonalNeeds: template.personalNeeds,
        safety: ['securedComputer', 'fixedLocation', 'surveillance'],
        exam: true,
        resultValueType: template.resultValueType,
        passFrom: template.passFrom,
        retries: 2,
        status: 'active',
        licensed: true,
      },
    ],
  }));
}

interface StudentNeeds {
  additionalTimeInMin?: number;
  personalNeeds: string[];
}

function buildStudents(generator: Generator, today: string, count: number): { persons: JsonObject[]; needs: Map<string, StudentNeeds> } {
  const persons: JsonObject[] = [];
  const needs = new Map<string, StudentNeeds>();
  const schoolYearStart = `${Number(today.slice(0, 4)) - 1}-08-01`;
  const schoolYearEnd = `${Number(today.slice(0, 4)) + 1}-07-31`;

  for (let index = 0; index < count; index++) {
    const named = NAMED_STUDENTS[index];
    const [surnamePrefix, surname] = named ? [named[2], named[3]] : generator.pick(SURNAMES);
    const givenName = named ? named[0] : generator.pick(GIVEN_NAMES);
    const officialGivenNames = named ? named[1] : givenName;
    const studentNumber = String(2_100_000 + index * 37 + generator.integer(0, 30));
    const personId = generator.uuid();

    const studentNeeds: StudentNeeds = { personalNeeds: [] };
    const assignedNeeds: JsonObject[] = [];
    if (index % 5 === 1 || generator.chance(0.1)) {
      const minutes = index % 2 === 0 ? 15 : 30;
      studentNeeds.additionalTimeInMin = minutes;
      studentNeeds.personalNeeds.push('extraTime');
      assignedNeeds.push({ code: `extraTime${minutes}Min`, description: nl(`${minutes} minuten extra tijd bij centrale examens`), startDate: schoolYearStart, endDate: schoolYearEnd });
    }
    if (index % 7 === 3) {
      studentNeeds.personalNeeds.push('spoken');
      assignedNeeds.push({ code: 'spoken', description: nl('Voorleessoftware bij taal- en rekentoetsen'), startDate: schoolYearStart, endDate: schoolYearEnd });
    }

    const personConsumer: JsonObject = {
      consumerKey,
      idCheckName: `${[surnamePrefix, surname].filter((part) => part !== '').join(' ')}, ${officialGivenNames}`,
    };
    if (officialGivenNames.split(' ')[0] !== givenName) personConsumer.preferredName = givenName;
    if (assignedNeeds.length > 0) personConsumer.assignedNeeds = assignedNeeds;

    const person: JsonObject = {
      personId,
      primaryCode: { codeType: 'studentNumber', code: studentNumber },
      givenName,
      surname,
      displayName: fullName(givenName, surnamePrefix, surname),
      activeEnrollment: true,
      affiliations: ['student'],
      mail: `${studentNumber}@student.${mailDomain}`,
      languageOfChoice: ['nl-NL'],
      consumers: [personConsumer],
    };
    if (surnamePrefix !== '') person.surnamePrefix = surnamePrefix;
    persons.push(person);
    needs.set(personId, studentNeeds);
  }
  return { persons, needs };
}

function buildStaff(generator: Generator): { person: JsonObject; role: 'invigilator' | 'coordinator' | 'assessor' }[] {
  return STAFF.map(([givenName, surnamePrefix, surname, role]) => {
    const userName = mailName(`${givenName.slice(0, 1)}${surnamePrefix}${surname}`);
    const person: JsonObject = {
      personId: generator.uuid(),
      primaryCode: { codeType: 'userName', code: userName },
      givenName,
      surname,
      displayName: fullName(givenName, surnamePrefix, surname),
      activeEnrollment: false,
      affiliations: ['employee'],
      mail: `${userName}@${mailDomain}`,
      consumers: [{ consumerKey, idCheckName: `${[surnamePrefix, surname].filter((part) => part !== '').join(' ')}, ${givenName}` }],
    };
    if (surnamePrefix !== '') person.surnamePrefix = surnamePrefix;
    return { person, role };
  });
}

function slotsFor(location: string, date: string, today: string): Slot[] {
  if (location === CONFIGURED_LOCATION) return date === today ? [MORNING, LATE_MORNING, AFTERNOON] : [MORNING, AFTERNOON];
  return [MORNING, AFTERNOON];
}

/** Generates the dataset around the Amsterdam date of `now`. The seed fixes names, ids and group sizes. */
export function generateDataset(seed: number, now: Date): Dataset {
  const generator = new Generator(seed);
  const today = localDateOf(now);
  const components = buildComponents(generator);
  const { persons: students, needs } = buildStudents(generator, today, 120);
  const staff = buildStaff(generator);
  const invigilators = staff.filter((member) => member.role === 'invigilator');
  const coordinators = staff.filter((member) => member.role === 'coordinator');
  const assessor = staff.find((member) => member.role === 'assessor')!;

  const offerings: JsonObject[] = [];
  const associations: JsonObject[] = [];
  let canceledOfferingPlaced = false;
  let canceledAssociationPlaced = false;

  for (let dayOffset = -1; dayOffset <= 6; dayOffset++) {
    const date = addDays(today, dayOffset);
    for (const location of LOCATIONS) {
      for (const slot of slotsFor(location, date, today)) {
        const component = generator.pick(components);
        const template = COMPONENTS.find((candidate) => candidate.code === (component.abbreviation as string)) as ComponentTemplate;
        const offeringId = generator.uuid();
        const startDateTime = zonedDateTime(date, slot.start);

        // The one canceled zitting is at B-104 tomorrow afternoon.
        const canceled = !canceledOfferingPlaced && location === 'B-104' && dayOffset === 1 && slot === AFTERNOON;
        if (canceled) canceledOfferingPlaced = true;

        offerings.push({
          offeringId,
          primaryCode: { codeType: 'offeringCode', code: `${location}-${date.replaceAll('-', '')}-${slot.start.replace(':', '')}-${template.code}` },
          offeringType: 'component',
          name: nl(template.name),
          description: nl(`${template.name} op ${date} om ${slot.start} in lokaal ${location}`),
          teachingLanguage: 'nld',
          modeOfDelivery: ['situated'],
          resultExpected: true,
          resultValueType: template.resultValueType,
          startDateTime,
          endDateTime: zonedDateTime(date, slot.end),
          component: component.componentId as string,
          consumers: [
            {
              consumerKey,
              duration: `PT${template.minutes}M`,
              startOptions: 'individualStart',
              durationFrom: 'individualStartDateTime',
              durationUntil: 'testDuration',
              safety: ['fixedLocation', 'surveillance'],
              offeringState: canceled ? 'canceled' : 'active',
              locationCode: location,
            },
          ],
        });

        const candidates = generator.shuffle(students).slice(0, generator.integer(6, 15));
        candidates.forEach((student, index) => {
          const personId = student.personId as string;
          const studentNeeds = needs.get(personId) ?? { personalNeeds: [] };
          const consumer: JsonObject = { consumerKey, personalNeeds: studentNeeds.personalNeeds };
          if (studentNeeds.additionalTimeInMin !== undefined) consumer.additionalTimeInMin = studentNeeds.additionalTimeInMin;

          // The one canceled candidate is the last one of today's first zitting at the configured location.
          const canceledCandidate = !canceledAssociationPlaced && location === CONFIGURED_LOCATION && date === today && index === candidates.length - 1;
          if (canceledCandidate) canceledAssociationPlaced = true;

          associations.push({
            associationId: generator.uuid(),
            associationType: 'componentOfferingAssociation',
            role: 'student',
            state: canceledCandidate ? 'canceled' : 'associated',
            consumers: [consumer],
            person: personId,
            offering: offeringId,
          });
        });

        const invigilator = generator.pick(invigilators);
        associations.push({ associationId: generator.uuid(), associationType: 'componentOfferingAssociation', role: 'invigilator', state: 'associated', person: invigilator.person.personId as string, offering: offeringId });
        if (location === CONFIGURED_LOCATION || generator.chance(0.3)) {
          const coordinator = generator.pick(coordinators);
          associations.push({ associationId: generator.uuid(), associationType: 'componentOfferingAssociation', role: 'coordinator', state: 'associated', person: coordinator.person.personId as string, offering: offeringId });
        }
        // Afternoon zittingen at the configured location have an assessor, so a result can be entered on the spot.
        if (location === CONFIGURED_LOCATION && slot === AFTERNOON) {
          associations.push({ associationId: generator.uuid(), associationType: 'componentOfferingAssociation', role: 'assessor', state: 'associated', person: assessor.person.personId as string, offering: offeringId });
        }
      }
    }
  }

  const persons = new Map<string, JsonObject>();
  for (const person of [...students, ...staff.map((member) => member.person)]) persons.set(person.personId as string, person);
  const programmeEnrolments = buildProgrammeEnrolments(
    students.map((student) => student.personId as string),
    today,
  );
  return { today, components, offerings, associations, persons, programmeEnrolments, expandsPersons: true, services: currentServiceMetadata() };
}
