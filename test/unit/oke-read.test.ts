import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pickLanguage, readAssociation, readComponent, readOffering, readPerson, readProgrammeEnrolments, ReadError } from '../../main/oke/read';

const nlConsumer = (fields: Record<string, unknown>) => ({ consumerKey: 'nl-test-admin', ...fields });

function collect(): { notes: string[]; note: (message: string) => void } {
  const notes: string[] = [];
  return { notes, note: (message) => notes.push(message) };
}

// Flow 0: the catalogue.

test('component reads the flow 0 example', () => {
  const component = readComponent({
    componentId: 'c5fca27e-ccc1-430d-9888-90e005ad6a86',
    name: [{ language: 'nl-NL', value: 'Rekenen 2F voor technische opleidingen' }],
    abbreviation: 'REK2F-TECH',
    modeOfDelivery: ['situated'],
    duration: 'PT60M',
    consumers: [
      nlConsumer({
        additionalTestingTime: 30,
        availablePersonalNeeds: ['extraTime', 'spoken'],
        safety: ['surveillance'],
        exam: true,
        resultValueType: '0.0-10.0',
        passFrom: '5.5',
        status: 'active',
        licensed: true,
      }),
    ],
  });
  assert.deepEqual(
    {
      name: component.name,
      durationMin: component.durationMin,
      extra: component.additionalTestingTimeMin,
      needs: component.availablePersonalNeeds,
      resultValueType: component.resultValueType,
      passFrom: component.passFrom,
      exam: component.exam,
      licensed: component.licensed,
    },
    {
      name: 'Rekenen 2F voor technische opleidingen',
      durationMin: 60,
      extra: 30,
      needs: ['extraTime', 'spoken'],
      resultValueType: '0.0-10.0',
      passFrom: '5.5',
      exam: true,
      licensed: true,
    },
  );
});

test('component takes extraTime and notes it', () => {
  const { notes, note } = collect();
  const component = readComponent({ componentId: 'c1', name: 'Rekenen', consumers: [nlConsumer({ extraTime: 'P60M' })] }, note);
  assert.equal(component.additionalTestingTimeMin, 60);
  assert.ok(notes.some((n) => n.includes('"extraTime"')));
  assert.ok(notes.some((n) => n.includes('read as 60 minutes')));
});

test('component keeps an unknown result value type', () => {
  const component = readComponent({ componentId: 'c1', name: 'X', consumers: [nlConsumer({ resultValueType: 'stars-1-5' })] });
  assert.equal(component.resultValueType, 'stars-1-5');
});

test('component reads a numeric passFrom', () => {
  const component = readComponent({ componentId: 'c1', name: 'X', consumers: [nlConsumer({ passFrom: 5.5 })] });
  assert.equal(component.passFrom, '5.5');
});

test('component without name is rejected', () => {
  assert.throws(() => readComponent({ componentId: 'c1' }), ReadError);
});

const languages: [unknown, string | null][] = [
  [[{ language: 'en-GB', value: 'Maths' }, { language: 'nl-NL', value: 'Rekenen' }], 'Rekenen'],
  [[{ language: 'en-GB', value: 'Maths' }, { language: 'nl-BE', value: 'Wiskunde' }], 'Wiskunde'],
  [[{ language: 'de-DE', value: 'Mathe' }, { language: 'en-US', value: 'Math' }], 'Math'],
  [[{ language: 'fy-NL', value: 'Rekkenjen' }], 'Rekkenjen'],
  ['Rekenen', 'Rekenen'],
  [[], null],
];

for (const [input, expected] of languages) {
  test(`language pick ${JSON.stringify(input).slice(0, 40)}`, () => {
    assert.equal(pickLanguage(input), expected);
  });
}

// Flow 1: persons.

test('person reads the nl-test-admin fields', () => {
  const person = readPerson({
    personId: 'p1',
    primaryCode: { codeType: 'studentNumber', code: '1234567' },
    givenName: 'Maartje',
    surnamePrefix: 'van',
    surname: 'Damme',
    displayName: 'Maartje van Damme',
    otherCodes: [{ codeType: 'eckid', code: 'https://roc.nl/8078d3' }],
    consumers: [
      nlConsumer({
        preferredName: 'Maar',
        idCheckName: 'Damme, Maartje van',
        assignedNeeds: [{ code: 'extraTimeOnlyMath25%', startDate: '2023-10-25', endDate: '2025-09-30' }],
      }),
    ],
  });
  assert.equal(person.studentNumber, '1234567');
  assert.equal(person.preferredName, 'Maar');
  assert.equal(person.idCheckName, 'Damme, Maartje van');
  assert.deepEqual(person.assignedNeeds, [{ code: 'extraTimeOnlyMath25%', description: null, startDate: '2023-10-25', endDate: '2025-09-30' }]);
  assert.equal(person.otherCodes.length, 2);
});

test('person takes one assignedNeeds object', () => {
  const { notes, note } = collect();
  const person = readPerson({ personId: 'p1', displayName: 'A', consumers: [nlConsumer({ assignedNeeds: { code: 'spoken' } })] }, note);
  assert.equal(person.assignedNeeds.length, 1);
  assert.equal(notes.length, 1);
});

test('person finds the student number in otherCodes', () => {
  const person = readPerson({
    personId: 'p1',
    displayName: 'A',
    primaryCode: { codeType: 'identifier', code: 'x' },
    otherCodes: [{ codeType: 'studentNumber', code: '555' }],
  });
  assert.equal(person.studentNumber, '555');
});

test('person composes a missing displayName', () => {
  const person = readPerson({ personId: 'p1', givenName: 'Ömer', surnamePrefix: 'de', surname: 'Vries' });
  assert.equal(person.displayName, 'Ömer de Vries');
});

test('person without any name is rejected', () => {
  assert.throws(() => readPerson({ personId: 'p1' }), /no "displayName"/);
});

// Flow 2: zittingen and associations.

function offering(consumer: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    offeringId: 'o1',
    offeringType: 'component',
    name: [{ language: 'nl-NL', value: 'Rekenen 2F' }],
    startDateTime: '2022-11-15T09:00:00.000Z',
    endDateTime: '2022-11-15T10:00:00.000Z',
    consumers: [{ consumerKey: 'x-other', foo: 1 }, nlConsumer(consumer)],
    ...extra,
  };
}

test('offering finds its consumer anywhere in the array', () => {
  const record = readOffering(offering({ offeringState: 'active', locationCode: 'A-22' }));
  assert.equal(record.locationCode, 'A-22');
  assert.deepEqual(record.otherConsumers, ['x-other']);
});

test('offering reads the duration rules', () => {
  const record = readOffering(
    offering({
      offeringState: 'active',
      duration: 'PT40M',
      startOptions: 'individualStart',
      durationFrom: 'individualStartDateTime',
      durationUntil: 'testDuration',
      lastPossibleStartDateTime: '2022-11-15T09:30:00.000Z',
      safety: ['fixedLocation', 'surveillance'],
    }),
  );
  assert.deepEqual(
    [record.durationMin, record.startOption, record.durationFrom, record.durationUntil, record.lastPossibleStartDateTime, record.safety],
    [40, 'individualStart', 'individualStartDateTime', 'testDuration', '2022-11-15T09:30:00.000Z', ['fixedLocation', 'surveillance']],
  );
});

const entryEnds = ['lastPossibleStartTime', 'entryDateTime'];
for (const field of entryEnds) {
  test(`offering takes ${field} as the entry end`, () => {
    const { notes, note } = collect();
    const record = readOffering(offering({ offeringState: 'active', [field]: '2022-11-15T09:15:00Z' }), note);
    assert.equal(record.lastPossibleStartDateTime, '2022-11-15T09:15:00Z');
    assert.ok(notes.some((n) => n.includes(field)));
  });
}

test('offering ignores an entry end without zone', () => {
  const { notes, note } = collect();
  const record = readOffering(offering({ offeringState: 'active', lastPossibleStartDateTime: '2020-12-15T08:50:00' }), note);
  assert.equal(record.lastPossibleStartDateTime, null);
  assert.ok(notes.some((n) => n.includes('no time zone')));
});

test('offering reads minutes as duration', () => {
  const { notes, note } = collect();
  assert.equal(readOffering(offering({ offeringState: 'active', duration: 60 }), note).durationMin, 60);
  assert.ok(notes.some((n) => n.includes('minutes')));
});

test('offering keeps an unknown state', () => {
  assert.equal(readOffering(offering({ offeringState: 'postponed' })).offeringState, 'postponed');
});

test('offering keeps canceled', () => {
  assert.equal(readOffering(offering({ offeringState: 'canceled' })).offeringState, 'canceled');
});

test('offering reads an expanded component', () => {
  assert.equal(readOffering(offering({ offeringState: 'active' }, { component: { componentId: 'c9' } })).componentId, 'c9');
});

test('offering without start is rejected', () => {
  const body: Record<string, unknown> = offering({ offeringState: 'active' });
  delete body.startDateTime;
  assert.throws(() => readOffering(body), /no "startDateTime"/);
});

function association(consumer: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    associationId: 'a1',
    associationType: 'componentOfferingAssociation',
    role: 'student',
    state: 'associated',
    person: 'p1',
    consumers: [nlConsumer(consumer)],
    ...extra,
  };
}

test('association reads additionalTimeInMin', () => {
  assert.equal(readAssociation(association({ additionalTimeInMin: 30 })).additionalTimeInMin, 30);
});

test('association takes extraTimeInMin and notes it', () => {
  const { notes, note } = collect();
  assert.equal(readAssociation(association({ extraTimeInMin: 15 }), note).additionalTimeInMin, 15);
  assert.equal(notes.length, 1);
});

test('association reads an expanded person', () => {
  const record = readAssociation(association({}, { person: { personId: 'p7', displayName: 'Zoë Janssen' } }));
  assert.equal(record.personId, 'p7');
  assert.equal(record.person?.displayName, 'Zoë Janssen');
});

test('association reads a person id', () => {
  const record = readAssociation(association({}));
  assert.equal(record.personId, 'p1');
  assert.equal(record.person, null);
});

const roles = ['student', 'invigilator', 'coordinator', 'assessor', 'teaching assistant'];
for (const role of roles) {
  test(`association keeps role ${role}`, () => {
    assert.equal(readAssociation(association({}, { role })).role, role);
  });
}

const states = ['associated', 'canceled', 'requested', 'denied', 'queued'];
for (const state of states) {
  test(`association keeps state ${state}`, () => {
    assert.equal(readAssociation(association({}, { state })).state, state);
  });
}

test('association reads personal needs', () => {
  assert.deepEqual(readAssociation(association({ personalNeeds: ['extraTime', 'spoken', 7] })).personalNeeds, ['extraTime', 'spoken']);
});

test('association without role is rejected', () => {
  assert.throws(() => readAssociation(association({}, { role: undefined })), /no "role"/);
});

// Flow 1: programme enrolments.

test('programmes read from expanded offerings', () => {
  const enrolments = readProgrammeEnrolments([
    {
      associationId: 'pa1',
      associationType: 'programOfferingAssociation',
      role: 'student',
      offering: {
        offeringId: 'po1',
        offeringType: 'program',
        name: [{ language: 'nl-NL', value: 'Verzorgende IG niveau 3' }],
        consumers: [nlConsumer({ offeringState: 'active', cohort: '2025-2026', location: 'Campus Zwolle' })],
      },
    },
    { associationId: 'ca1', associationType: 'componentOfferingAssociation', role: 'student', offering: 'o1' },
  ]);
  assert.deepEqual(enrolments, [{ offeringId: 'po1', name: 'Verzorgende IG niveau 3', cohort: '2025-2026', location: 'Campus Zwolle' }]);
});

test('programmes keep an offering id', () => {
  const enrolments = readProgrammeEnrolments([
    { associationId: 'pa1', associationType: 'programOfferingAssociation', offering: 'po1', consumers: [nlConsumer({ cohort: '2024' })] },
  ]);
  assert.deepEqual(enrolments, [{ offeringId: 'po1', name: null, cohort: '2024', location: null }]);
});
