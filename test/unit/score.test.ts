import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkScore, derivePass } from '../../main/venue/score';

const accepted: [string, string, string][] = [
  ['0.0-10.0', '7,5', '7.5'],
  ['0.0-10.0', '10', '10.0'],
  ['1-10', '6', '6'],
  ['0-100', '55', '55'],
  ['pass-or-fail', 'Passed', 'passed'],
  ['referenceLevelRKTR', '2f', '2F'],
  ['referenceLevelERK', 'b1', 'B1'],
  ['insufficient-satisfactory-good', 'good', 'good'],
  ['DE grade', '2,3', '2.3'],
  ['UK letter', 'a*', 'A*'],
];

for (const [type, input, score] of accepted) {
  test(`score ${type} accepts ${input}`, () => {
    assert.deepEqual(checkScore(type, input), { ok: true, score });
  });
}

const rejected: [string, string][] = [
  ['0.0-10.0', '10.5'],
  ['0.0-10.0', '7.25'],
  ['0-10', '7.5'],
  ['1-10', '0'],
  ['pass-or-fail', 'maybe'],
  ['referenceLevelRKTR', '5F'],
  ['0-100', '-1'],
  ['0-100', ''],
];

for (const [type, input] of rejected) {
  test(`score ${type} rejects ${JSON.stringify(input)}`, () => {
    assert.equal(checkScore(type, input).ok, false);
  });
}

test('score rejects an unknown result type', () => {
  assert.equal(checkScore('stars', '5').ok, false);
});

const passes: [string, string, string | null, string][] = [
  ['0.0-10.0', '5.5', '5.5', 'passed'],
  ['0.0-10.0', '5.4', '5.5', 'failed'],
  ['0.0-10.0', '8.0', null, 'unknown'],
  ['pass-or-fail', 'failed', null, 'failed'],
  ['referenceLevelRKTR', '3F', '2F', 'passed'],
  ['referenceLevelERK', 'A2', 'B1', 'failed'],
  ['DE grade', '4.0', '4.0', 'passed'],
  ['DE grade', '4.3', '4.0', 'failed'],
  ['0-100', '80', 'vijftig', 'unknown'],
];

for (const [type, score, passFrom, pass] of passes) {
  test(`pass for ${type} ${score} from ${passFrom} is ${pass}`, () => {
    assert.equal(derivePass(type, score, passFrom), pass);
  });
}

test('score rejection says what fits in Dutch', () => {
  const check = checkScore('0.0-10.0', '11');
  assert.equal(check.ok, false);
  assert.equal(!check.ok && check.expected.nl, 'een getal van 0 tot en met 10 met hoogstens één decimaal');
});
