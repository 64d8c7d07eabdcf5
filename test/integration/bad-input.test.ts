import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { OfferingView } from '../../main/contract/api';
import { makeTempDir, postJson, runCli, startCounterpart, writeConfig, type RunningCounterpart } from '../support/processes';

let counterpart: RunningCounterpart;
let dataDir: string;
let configFile: string;

async function showAll(): Promise<OfferingView[]> {
  const result = await runCli(['show', '--data-dir', dataDir, '--json']);
  assert.equal(result.code, 0, result.stderr);
  return (JSON.parse(result.stdout) as { offerings: OfferingView[] }).offerings;
}

before(async () => {
  counterpart = await startCounterpart();
  dataDir = makeTempDir();
  configFile = writeConfig(dataDir, counterpart.config);

  const synced = await runCli(['sync', '--data-dir', dataDir, '--config', configFile]);
  assert.equal(synced.code, 0, synced.stderr);
  const offering = (await showAll()).find((o) => o.candidates.length > 0)!;
  const attended = await runCli([
    'attend', '--data-dir', dataDir, '--offering', offering.offeringId,
    '--student', offering.candidates[0]!.studentNumber!, '--attendance', 'present', '--note', 'op tijd',
  ]);
  assert.equal(attended.code, 0, attended.stderr);
});

after(async () => {
  await counterpart.stop();
});

const faults = [
  { name: 'catalogue that is not JSON', fault: { role: 'ta', path: '/components', kind: 'notJson' }, message: /onbruikbaar antwoord/ },
  { name: 'zittingen missing required fields', fault: { role: 'tpl', path: '/offerings', kind: 'missingFields' }, message: /onbruikbaar antwoord/ },
  { name: 'person that is not JSON', fault: { role: 'sis', path: '/persons', kind: 'notJson' }, message: /onbruikbaar antwoord/ },
  { name: 'server error on zittingen', fault: { role: 'tpl', path: '/offerings', kind: 'status500' }, message: /gaf een fout \(500/ },
];

for (const { name, fault, message } of faults) {
  test(`sync fails cleanly on ${name}`, async () => {
    const before = await showAll();
    await postJson(`${counterpart.baseUrl}/_counterpart/faults`, { ...fault, times: 1000 });
    try {
      const result = await runCli(['sync', '--data-dir', dataDir, '--config', configFile]);
      assert.equal(result.code, 1);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1, 'one line for people');
    } finally {
      await fetch(`${counterpart.baseUrl}/_counterpart/faults`, { method: 'DELETE' });
    }
    assert.deepEqual(await showAll(), before);
  });
}

test('sync reports an unreachable endpoint', async () => {
  const broken = JSON.parse(JSON.stringify(counterpart.config)) as { endpoints: { catalog: { baseUrl: string; tokenUrl: string } } };
  // Port 9 (discard) on loopback has no listener here, so the connection is refused.
  broken.endpoints.catalog.tokenUrl = 'http://127.0.0.1:9/token';
  const file = writeConfig(makeTempDir(), broken);
  const before = await showAll();
  const result = await runCli(['sync', '--data-dir', dataDir, '--config', file]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /Geen verbinding met de toetscatalogus/);
  assert.deepEqual(await showAll(), before);
});

test('sync reports wrong credentials', async () => {
  const wrong = JSON.parse(JSON.stringify(counterpart.config)) as { endpoints: { planning: { clientSecret: string } } };
  wrong.endpoints.planning.clientSecret = 'verkeerd';
  const file = writeConfig(makeTempDir(), wrong);
  const result = await runCli(['sync', '--data-dir', dataDir, '--config', file]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /weigert de inloggegevens/);
});

test('deliver without a connection keeps the outbox', async () => {
  const offering = (await showAll()).find((o) => o.candidates.length > 0 && o.captureStatus !== 'closed')!;
  const closed = await runCli(['close', '--data-dir', dataDir, '--offering', offering.offeringId]);
  assert.equal(closed.code, 0, closed.stderr);

  const offline = JSON.parse(JSON.stringify(counterpart.config)) as { endpoints: { planning: { baseUrl: string; tokenUrl: string } } };
  offline.endpoints.planning.tokenUrl = 'http://127.0.0.1:9/token';
  const failed = await runCli(['deliver', '--data-dir', dataDir, '--config', writeConfig(makeTempDir(), offline)]);
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /Geen verbinding met het toetsplanningssysteem/);

  const delivered = await runCli(['deliver', '--data-dir', dataDir, '--config', configFile, '--json']);
  assert.equal(delivered.code, 0, delivered.stderr);
  const summary = JSON.parse(delivered.stdout) as { delivered: number; queued: number };
  assert.equal(summary.delivered, offering.candidates.filter((c) => c.state !== 'canceled' || c.attendance !== null).length + 1);
  assert.equal(summary.queued, 0);
});
