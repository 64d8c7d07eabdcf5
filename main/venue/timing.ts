/**
 * Per-candidate timing from the zitting's duration rules (OKE flow 2,
 * nl-test-admin-Offering: duration, startOptions, durationFrom, durationUntil,
 * lastPossibleStartDateTime) plus the candidate's extra time.
 *
 * The six scenarios of the flow 2 table map onto these rules:
 * 1. individual start any time, fixed end: no entry limit, end = endDateTime.
 * 2. individual start until the entry end, fixed end.
 * 3. individual start until the entry end, then the full test duration.
 * 4. duration counted from startDateTime: end = start + duration.
 * 5. triggered start: the clock runs from the surveillant's release, so the
 *    end shown assumes release at startDateTime.
 * 6. a practice window: individual start until the entry end, full duration.
 * Extra time is added to the end in every case, also to a fixed end.
 */
export interface DurationRules {
  startEpochMs: number;
  endEpochMs: number;
  /** Test duration in minutes from the offering, else from the catalogue's component. */
  durationMin: number | null;
  startOption: string | null;
  durationFrom: string | null;
  durationUntil: string | null;
  /** Entry end ("lastPossibleStartDateTime"), when the planning system sets one. */
  lastPossibleStartEpochMs: number | null;
}

export interface CandidateTiming {
  /** Latest moment the candidate may start, or null when the zitting sets no entry end. */
  latestStartEpochMs: number | null;
  /** Latest moment the candidate must be finished, extra time included. */
  endEpochMs: number;
}

const minute = 60_000;

/** Returns the moment the test clock runs from: `durationFrom` when sent, else what `startOptions` implies. */
function clockStart(rules: DurationRules): string | null {
  if (rules.durationFrom !== null) return rules.durationFrom;
  if (rules.startOption === 'individualStart') return 'individualStartDateTime';
  if (rules.startOption === 'triggeredStart') return 'triggeredStartDateTime';
  return null;
}

export function candidateTiming(rules: DurationRules, additionalTimeInMin: number | null): CandidateTiming {
  const extra = (additionalTimeInMin ?? 0) * minute;
  const duration = rules.durationMin === null ? null : rules.durationMin * minute;
  const individualStart = rules.startOption === 'individualStart' || rules.durationFrom === 'individualStartDateTime';
  const latestStartEpochMs = individualStart ? rules.lastPossibleStartEpochMs : null;
  const windowEnd = { latestStartEpochMs, endEpochMs: rules.endEpochMs + extra };

  if (duration === null || rules.durationUntil === 'endDateTime') return windowEnd;

  const clock = clockStart(rules);
  if (clock === 'individualStartDateTime') {
    // Without an entry end the window itself bounds the test.
    if (latestStartEpochMs === null) return windowEnd;
    return { latestStartEpochMs, endEpochMs: latestStartEpochMs + duration + extra };
  }
  // A triggered start is assumed to be released at startDateTime.
  if (clock !== null || rules.durationUntil === 'testDuration') {
    return { latestStartEpochMs, endEpochMs: rules.startEpochMs + duration + extra };
  }

  // A duration without any start rule: the fixed window applies.
  return windowEnd;
}
