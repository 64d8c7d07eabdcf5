/**
 * The whole venue job through the CLI against each counterpart dataset:
 * sync, attendance for every candidate, a score where an assessor can give
 * one, closing with irregularities and delivery. The counterpart checks every
 * request against the OKE definition and every nl-test-admin consumer against
 * its own schema, so an empty violation list means the writes follow the
 * standard for that dataset.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import type { OfferingView } from '../../main/contract/api';
import { localDate } from '../../main/time/zone';
import { getJson, makeTempDir, runCli, startCounterpart, writeConfig, type RunningCounterpart } from '../support/processes';

interface DatasetCase {
  dataset: 'generated' | 'examples' | 'variants';
  /** Instant the CLI and the counterpart start from, as RFC 3339; the system clock when absent. */
  clock?: string;
}

interface ReceivedWrite {
  method: string;
  path: string;
  flow: 3 | 4;
  body: {
    result?: { state?: string; score?: string; consumers?: { consumerKey: string; attendance?: string }[] };
    consumers?: { consumerKey: string; irregularities?: string }[];
  } | null;
  status: number;
  valid: boolean;
  errors: string[];
}

interface Violation {
  direction: string;
  method: string;
  path: string;
  errors: string[];
}

interface ExampleViolation extends Violation {
  examples: string[];
}

const CASES: DatasetCase[] = [
  { dataset: 'generated' },
  { dataset: 'variants' },
  // The example zitting is on 21 June 2022 at 12:45, so the job runs on that day.
  { dataset: 'examples', clock: '2022-06-21T10:00:00+02:00' },
];

const TIME_ZONE = 'Europe/Amsterdam';
const LOCATION = 'A-22';
const ATTENDANCE_CYCLE = ['present', 'notPresent', 'notStarted', 'notFinished'] as const;
const IRREGULARITIES = 'Stroomstoring om 10:05, zitting 12 minuten stilgelegd.';

/** A score on each scale that the venue grades, as an assessor would type it. */
const SCORE_BY_TYPE: Record<string, string> = {
  '0.0-10.0': '7,5',
  '1.0-10.0': '7,5',
  '0-10': '7',
  '1-10': '7',
  '0-100': '75',
  'pass-or-fail': 'passed',
  'insufficient-satisfactory-good': 'good',
  referenceLevelRKTR: '2F',
  referenceLevelERK: 'B1',
};

/**
 * Writes a module that moves `Date` in a CLI process to `clock`, keeping it
 * running, and returns the NODE_OPTIONS that load it. The CLI has no setting
 * for its clock, and its sync window reaches 60 days back at most.
 */
function clockEnvironment(dir: string, clock: string): NodeJS.ProcessEnv {
  const shiftMs = Date.parse(clock) - Date.now();
  const file = join(dir, 'clock.mjs');
  writeFileSync(
    file,
    [
      'const SystemDate = Date;',
      `const shiftMs = ${shiftMs};`,
      'class ShiftedDate extends SystemDate {',
      '  constructor(...args) { super(...(args.length === 0 ? [SystemDate.now() + shiftMs] : args)); }',
      '  static now() { return SystemDate.now() + shiftMs; }',
      '}',
      'globalThis.Date = ShiftedDate;',
      '',
    ].join('\n'),
  );
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(file).href}`.trim() };
}

function resourceIdOf(write: ReceivedWrite): string {
  return decodeURIComponent(write.path.split('/').pop() ?? '');
}

for (const { dataset, clock } of CASES) {
  describe(`contract with ${dataset} dataset`, () => {
    let counterpart: RunningCounterpart;
    let dataDir: string;
    let configFile: string;
    let env: NodeJS.ProcessEnv = {};
    const day = localDate(clock ? Date.parse(clock) : Date.now(), TIME_ZONE);
    const attended = new Map<string, string>();
    const scored = new Map<string, string>();
    const closed: string[] = [];

    before(async () => {
      counterpart = await startCounterpart(['--dataset', dataset, ...(clock ? ['--now', clock] : [])]);
      dataDir = makeTempDir();
      configFile = writeConfig(dataDir, counterpart.config);
      if (clock) env = clockEnvironment(dataDir, clock);
    });

    after(async () => {
      await counterpart.stop();
    });

    async function cli(args: string[]): Promise<string> {
      const result = await runCli([...args, '--data-dir', dataDir], env);
      assert.equal(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
      return result.stdout;
    }

    async function zittingen(): Promise<OfferingView[]> {
      const output = await cli(['show', '--date', day, '--location', LOCATION, '--json']);
      return (JSON.parse(output) as { offerings: OfferingView[] }).offerings.filter((offering) => offering.offeringState === 'active' && offering.candidates.length > 0);
    }

    test('sync succeeds', async () => {
      const output = await cli(['sync', '--config', configFile]);
      assert.match(output, /^Gesynchroniseerd/);
    });

    test('location has active zittingen', async () => {
      assert.ok((await zittingen()).length > 0, `no active zitting with candidates at ${LOCATION} on ${day}`);
    });

    test('attend every candidate', async () => {
      for (const offering of await zittingen()) {
        for (const [index, candidate] of offering.candidates.entries()) {
          assert.ok(candidate.studentNumber, `candidate ${candidate.associationId} has a student number`);
          const attendance = ATTENDANCE_CYCLE[index % ATTENDANCE_CYCLE.length] as string;
          await cli(['attend', '--offering', offering.offeringId, '--student', candidate.studentNumber, '--attendance', attendance]);
          attended.set(candidate.associationId, attendance);
        }
      }
      assert.ok(attended.size > 0);
    });

    test('score where gradable', async () => {
      for (const offering of (await zittingen()).filter((candidate) => candidate.gradable)) {
        const score = SCORE_BY_TYPE[offering.resultValueType ?? ''];
        assert.ok(score, `a score for result value type ${offering.resultValueType}`);
        const [first] = offering.candidates;
        assert.ok(first?.studentNumber);
        await cli(['score', '--offering', offering.offeringId, '--student', first.studentNumber, '--score', score]);
        scored.set(first.associationId, score);
      }
      if (dataset === 'variants') assert.equal(scored.size, 1);
    });

    test('close every zitting', async () => {
      for (const offering of await zittingen()) {
        await cli(['close', '--offering', offering.offeringId, '--irregularities', IRREGULARITIES]);
        closed.push(offering.offeringId);
      }
      assert.ok(closed.length > 0);
    });

    test('deliver succeeds', async () => {
      await cli(['deliver', '--config', configFile]);
    });

    test('counterpart saw no violations', async () => {
      const { items } = await getJson<{ items: Violation[] }>(`${counterpart.baseUrl}/_counterpart/violations`);
      assert.deepEqual(items, []);
    });

    test('every write is valid and accepted', async () => {
      const { items } = await getJson<{ items: ReceivedWrite[] }>(`${counterpart.baseUrl}/_counterpart/received`);
      assert.ok(items.length > 0);
      for (const item of items) {
        assert.equal(item.valid, true, `${item.path}: ${item.errors.join('; ')}`);
        assert.equal(item.status, 200, item.path);
      }
    });

    test('one flow 3 per candidate', async () => {
      const { items } = await getJson<{ items: ReceivedWrite[] }>(`${counterpart.baseUrl}/_counterpart/received`);
      const flow3 = items.filter((item) => item.flow === 3);
      assert.equal(flow3.length, attended.size);
      assert.deepEqual(new Set(flow3.map(resourceIdOf)), new Set(attended.keys()));
      for (const item of flow3) {
        const consumer = item.body?.result?.consumers?.find((candidate) => candidate.consumerKey === 'nl-test-admin');
        assert.equal(consumer?.attendance, attended.get(resourceIdOf(item)), item.path);
      }
    });

    test('scored candidate gets a completed result', async () => {
      const { items } = await getJson<{ items: ReceivedWrite[] }>(`${counterpart.baseUrl}/_counterpart/received`);
      for (const associationId of scored.keys()) {
        const write = items.find((item) => item.flow === 3 && resourceIdOf(item) === associationId);
        assert.equal(write?.body?.result?.state, 'completed');
        assert.ok(write?.body?.result?.score, 'the result has a score');
      }
    });

    test('one flow 4 per closed zitting', async () => {
      const { items } = await getJson<{ items: ReceivedWrite[] }>(`${counterpart.baseUrl}/_counterpart/received`);
      const flow4 = items.filter((item) => item.flow === 4);
      assert.equal(flow4.length, closed.length);
      assert.deepEqual(new Set(flow4.map(resourceIdOf)), new Set(closed));
      for (const item of flow4) {
        const consumer = item.body?.consumers?.find((candidate) => candidate.consumerKey === 'nl-test-admin');
        assert.equal(consumer?.irregularities, IRREGULARITIES, item.path);
      }
    });

    test('example violations name their example', async () => {
      const { items } = await getJson<{ items: ExampleViolation[] }>(`${counterpart.baseUrl}/_counterpart/example-violations`);
      if (dataset !== 'examples') assert.deepEqual(items, []);
      for (const item of items) assert.ok(item.examples.length > 0, `${item.method} ${item.path}`);
    });
  });
}
