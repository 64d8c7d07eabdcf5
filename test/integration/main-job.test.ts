import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { OfferingView } from '../../main/contract/api';
import { localDate } from '../../main/time/zone';
import { getJson, makeTempDir, runCli, startCounterpart, startServe, writeConfig, type RunningCounterpart } from '../support/processes';

interface ReceivedWrite {
  method: string;
  path: string;
  flow: number;
  body: {
    result?: { consumers: { attendance: string; irregularities?: string }[] };
    consumers?: { irregularities?: string }[];
  };
  status: number;
  valid: boolean;
  errors: string[];
}

let counterpart: RunningCounterpart;
let dataDir: string;
let configFile: string;
const today = localDate(Date.now(), 'Europe/Amsterdam');

before(async () => {
  counterpart = await startCounterpart();
  dataDir = makeTempDir();
  configFile = writeConfig(dataDir, counterpart.config);
});

after(async () => {
  await counterpart.stop();
});

async function show(): Promise<OfferingView[]> {
  const result = await runCli(['show', '--data-dir', dataDir, '--date', today, '--location', 'A-22', '--json']);
  assert.equal(result.code, 0, result.stderr);
  return (JSON.parse(result.stdout) as { offerings: OfferingView[] }).offerings;
}

const attendanceCycle = ['present', 'notPresent', 'notStarted', 'notFinished'] as const;

test('main job: sync, capture, close and deliver through the CLI', async () => {
  const synced = await runCli(['sync', '--data-dir', dataDir, '--config', configFile]);
  assert.equal(synced.code, 0, synced.stderr);
  assert.match(synced.stdout, /Gesynchroniseerd/);

  const offerings = await show();
  assert.ok(offerings.length > 0, 'A-22 has zittingen today');
  const offering = offerings.find((o) => o.offeringState === 'active' && o.candidates.length >= 4)!;
  assert.ok(offering, 'an active zitting with at least four candidates');
  assert.match(offering.startDateTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  assert.ok(offering.staff.some((member) => member.role === 'invigilator'));

  const captured = new Map<string, { attendance: string; note?: string }>();
  for (const [index, candidate] of offering.candidates.entries()) {
    const attendance = attendanceCycle[index % attendanceCycle.length]!;
    const args = ['attend', '--data-dir', dataDir, '--offering', offering.offeringId, '--student', candidate.studentNumber!, '--attendance', attendance];
    const note = index === 0 ? 'Legitimatie gecontroleerd, 5 minuten te laat' : undefined;
    if (note) args.push('--note', note);
    const result = await runCli(args);
    assert.equal(result.code, 0, result.stderr);
    captured.set(candidate.associationId, { attendance, note });
  }

  const irregularities = 'Brandalarm om 09:40; zitting 10 minuten onderbroken.';
  const closed = await runCli(['close', '--data-dir', dataDir, '--offering', offering.offeringId, '--irregularities', irregularities]);
  assert.equal(closed.code, 0, closed.stderr);

  const delivered = await runCli(['deliver', '--data-dir', dataDir, '--config', configFile]);
  assert.equal(delivered.code, 0, delivered.stderr);

  const { items } = await getJson<{ items: ReceivedWrite[] }>(`${counterpart.baseUrl}/_counterpart/received`);
  const flow3 = items.filter((item) => item.flow === 3);
  const flow4 = items.filter((item) => item.flow === 4);
  assert.equal(flow3.length, offering.candidates.length);
  assert.equal(flow4.length, 1);

  for (const item of items) {
    assert.equal(item.valid, true, `${item.path}: ${item.errors.join('; ')}`);
    assert.equal(item.status, 200);
  }
  for (const item of flow3) {
    const associationId = decodeURIComponent(item.path.split('/').pop()!);
    const expected = captured.get(associationId);
    assert.ok(expected, `flow 3 for a captured candidate: ${associationId}`);
    const consumer = item.body.result!.consumers[0]!;
    assert.equal(consumer.attendance, expected.attendance);
    assert.equal(consumer.irregularities, expected.note);
  }
  assert.equal(flow4[0]!.body.consumers![0]!.irregularities, irregularities);
  assert.ok(flow4[0]!.path.endsWith(offering.offeringId));
});

test('resync keeps capture and adds no duplicates', async () => {
  const before = await show();
  const synced = await runCli(['sync', '--data-dir', dataDir, '--config', configFile]);
  assert.equal(synced.code, 0, synced.stderr);
  const afterSync = await show();
  assert.deepEqual(afterSync, before);
});

test('show without config uses the stored time zone', async () => {
  const result = await runCli(['show', '--data-dir', dataDir, '--json']);
  assert.equal(result.code, 0, result.stderr);
  const { offerings } = JSON.parse(result.stdout) as { offerings: OfferingView[] };
  assert.ok(offerings.length > 0);
});

test('data directory in use is reported', async () => {
  const serve = await startServe(dataDir, configFile);
  try {
    const result = await runCli(['sync', '--data-dir', dataDir, '--config', configFile]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /in gebruik door een ander OKE Lokaal-proces/);
  } finally {
    await serve.stop();
  }
  const afterStop = await runCli(['show', '--data-dir', dataDir, '--json']);
  assert.equal(afterStop.code, 0, afterStop.stderr);
});

test('closed zitting refuses attendance', async () => {
  const [offering] = (await show()).filter((o) => o.captureStatus === 'closed');
  assert.ok(offering);
  const candidate = offering.candidates[0]!;
  const result = await runCli([
    'attend', '--data-dir', dataDir, '--offering', offering.offeringId, '--student', candidate.studentNumber!, '--attendance', 'present',
  ]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /al afgesloten/);
});
