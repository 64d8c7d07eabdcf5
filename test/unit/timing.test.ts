import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDurationMinutes } from '../../main/time/duration';
import { candidateTiming, type DurationRules } from '../../main/venue/timing';

const at = (hhmm: string) => Date.parse(`2022-11-15T${hhmm}:00.000Z`);

function rules(overrides: Partial<DurationRules>): DurationRules {
  return {
    startEpochMs: at('09:00'),
    endEpochMs: at('10:00'),
    durationMin: 40,
    startOption: 'individualStart',
    durationFrom: 'individualStartDateTime',
    durationUntil: 'endDateTime',
    lastPossibleStartEpochMs: null,
    ...overrides,
  };
}

// The six scenarios of the OKE flow 2 duration table, with 10 minutes extra time.
const scenarios = [
  { name: '1 start any time, fixed end', rules: rules({}), latestStart: null, end: at('10:10') },
  { name: '2 start until 09:15, fixed end', rules: rules({ lastPossibleStartEpochMs: at('09:15') }), latestStart: at('09:15'), end: at('10:10') },
  {
    name: '3 start until 09:30, always finish',
    rules: rules({ lastPossibleStartEpochMs: at('09:30'), durationUntil: 'testDuration' }),
    latestStart: at('09:30'),
    end: at('10:20'),
  },
  {
    name: '4 duration from startDateTime',
    rules: rules({ durationFrom: 'startDateTime', durationUntil: null, startOption: 'indivdualStart' }),
    latestStart: null,
    end: at('09:50'),
  },
  {
    name: '5 triggered start',
    rules: rules({ startOption: 'triggeredStart', durationFrom: 'triggeredStartDateTime', durationUntil: 'testDuration' }),
    latestStart: null,
    end: at('09:50'),
  },
  {
    name: '6 practice window',
    rules: rules({ startEpochMs: at('08:00'), endEpochMs: at('22:00'), lastPossibleStartEpochMs: at('21:00'), durationUntil: 'testDuration' }),
    latestStart: at('21:00'),
    end: at('21:50'),
  },
];

for (const scenario of scenarios) {
  test(`timing scenario ${scenario.name}`, () => {
    const timing = candidateTiming(scenario.rules, 10);
    assert.equal(timing.latestStartEpochMs, scenario.latestStart);
    assert.equal(timing.endEpochMs, scenario.end);
  });
}

test('timing scenario 4 with individualStart spelled right', () => {
  const timing = candidateTiming(rules({ durationFrom: 'startDateTime', durationUntil: null }), 30);
  assert.equal(timing.latestStartEpochMs, null);
  assert.equal(timing.endEpochMs, at('10:10'));
});

test('timing without entry end keeps the window', () => {
  const timing = candidateTiming(rules({ durationUntil: 'testDuration' }), 10);
  assert.equal(timing.latestStartEpochMs, null);
  assert.equal(timing.endEpochMs, at('10:10'));
});

test('timing without rules uses the window', () => {
  const timing = candidateTiming(rules({ durationMin: null, startOption: null, durationFrom: null, durationUntil: null }), null);
  assert.equal(timing.latestStartEpochMs, null);
  assert.equal(timing.endEpochMs, at('10:00'));
});

const durations: [unknown, number | null][] = [
  ['PT40M', 40],
  ['PT1H30M', 90],
  ['P1DT30H4S', 24 * 60 + 30 * 60 + 4 / 60],
  [60, 60],
  ['45', 45],
  ['forty', null],
  ['P', null],
  ['PT', null],
  [-5, null],
];

for (const [input, minutes] of durations) {
  test(`duration ${JSON.stringify(input)} reads as ${minutes}`, () => {
    assert.equal(parseDurationMinutes(input), minutes);
  });
}
