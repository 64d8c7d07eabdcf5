/**
 * Scores entered by an assessor at the venue, checked against the
 * component's `resultValueType` (OKE flow 0) and turned into the OOAPI result
 * `pass` value using `passFrom`. Types follow the enum in ooapiv5_MBO.yaml;
 * `1-10` and `1.0-10.0` are also accepted because the standard's own
 * catalogue examples use them.
 */

export type Pass = 'passed' | 'failed' | 'unknown';

/** Description of a valid score, in Dutch and English, for the message shown to people. */
export interface ScaleDescription {
  nl: string;
  en: string;
}

export type ScoreCheck = { ok: true; score: string } | { ok: false; expected: ScaleDescription };

interface ScaleRule {
  /** Normalises input to the score string sent in flow 3, or returns null when the input is not on the scale. */
  normalise(input: string): string | null;
  /** Position on the scale; higher is better. */
  rank(score: string): number;
  /** Description of a valid score, for error messages. */
  describe: ScaleDescription;
}

function numberScale(min: number, max: number, decimals: 0 | 1): ScaleRule {
  return {
    describe:
      decimals === 0
        ? { nl: `een geheel getal van ${min} tot en met ${max}`, en: `a whole number from ${min} to ${max}` }
        : { nl: `een getal van ${min} tot en met ${max} met hoogstens één decimaal`, en: `a number from ${min} to ${max} with at most one decimal` },
    normalise(input) {
      // Dutch keyboards and habits write 7,5.
      const text = input.trim().replace(',', '.');
      const pattern = decimals === 0 ? /^\d+$/ : /^\d+(\.\d)?$/;
      if (!pattern.test(text)) return null;
      const value = Number(text);
      if (value < min || value > max) return null;
      return decimals === 0 ? String(value) : value.toFixed(1);
    },
    rank: (score) => Number(score.replace(',', '.')),
  };
}

/** Builds a scale of named values, listed from worst to best. */
function listScale(values: string[]): ScaleRule {
  const lower = values.map((value) => value.toLowerCase());
  return {
    describe: { nl: `een van ${values.join(', ')}`, en: `one of ${values.join(', ')}` },
    normalise(input) {
      const index = lower.indexOf(input.trim().toLowerCase());
      return index < 0 ? null : values[index]!;
    },
    rank: (score) => lower.indexOf(score.toLowerCase()),
  };
}

/** German grades run from 1.0 (best) to 6.0, so the rank is negated. */
const germanGrade: ScaleRule = {
  describe: { nl: 'een cijfer van 1,0 tot en met 6,0', en: 'a grade from 1.0 to 6.0' },
  normalise(input) {
    const text = input.trim().replace(',', '.');
    if (!/^\d(\.\d)?$/.test(text)) return null;
    const value = Number(text);
    return value >= 1 && value <= 6 ? value.toFixed(1) : null;
  },
  rank: (score) => -Number(score),
};

const scales: Record<string, ScaleRule> = {
  'pass-or-fail': listScale(['failed', 'passed']),
  'insufficient-satisfactory-good': listScale(['insufficient', 'satisfactory', 'good']),
  'US letter': listScale(['F', 'D', 'C', 'B', 'A']),
  'UK letter': listScale(['U', 'G', 'F', 'E', 'D', 'C', 'B', 'A', 'A*']),
  'DE grade': germanGrade,
  '0-100': numberScale(0, 100, 0),
  '0-10': numberScale(0, 10, 0),
  '1-10': numberScale(1, 10, 0),
  '0.0-10.0': numberScale(0, 10, 1),
  '1.0-10.0': numberScale(1, 10, 1),
  referenceLevelRKTR: listScale(['1F', '2F', '3F', '4F']),
  referenceLevelERK: listScale(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']),
};

/** True when the venue can take a score of this type; unknown types are left to the test delivery system. */
export function isGradable(resultValueType: string | null): boolean {
  return resultValueType !== null && resultValueType in scales;
}

export function checkScore(resultValueType: string, input: string): ScoreCheck {
  const scale = scales[resultValueType];
  if (!scale) {
    return { ok: false, expected: { nl: 'een resultaattype dat de locatie kent', en: 'a result value type the venue knows' } };
  }
  const score = scale.normalise(input);
  return score === null ? { ok: false, expected: scale.describe } : { ok: true, score };
}

/**
 * Derives `pass` from the score and the component's `passFrom`. Pass-or-fail
 * scores carry their own outcome; other scales need `passFrom` on the same
 * scale, else the outcome stays unknown for the planning system to decide.
 */
export function derivePass(resultValueType: string, score: string, passFrom: string | null): Pass {
  if (resultValueType === 'pass-or-fail') return score === 'passed' ? 'passed' : 'failed';
  const scale = scales[resultValueType];
  if (!scale || passFrom === null) return 'unknown';
  const threshold = scale.normalise(passFrom);
  if (threshold === null) return 'unknown';
  return scale.rank(score) >= scale.rank(threshold) ? 'passed' : 'failed';
}
