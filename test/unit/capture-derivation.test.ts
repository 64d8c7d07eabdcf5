import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../db/connection';
import { createQuietLogger } from '../../main/log/logger';
import { appendEvent, readEvents, rebuildState, type CaptureEvent, type CaptureEventPayload } from '../../main/venue/events';
import { HybridLogicalClock } from '../../main/venue/hlc';
import { closeOffering, recordResult, registerAttendance, type CaptureContext } from '../../main/venue/capture';
import { storeSync } from '../../main/sync/store';
import { readAssociation, readComponent, readOffering, readPerson } from '../../main/oke/read';
import { makeTempDir } from '../support/processes';

const log = createQuietLogger();

const consumer = (fields: Record<string, unknown>) => [{ consumerKey: 'nl-test-admin', ...fields }];

function seedReference(db: Db): void {
  const person = (personId: string, studentNumber: string, givenName: string, surnamePrefix: string | null, surname: string) =>
    readPerson({
      personId,
      primaryCode: { codeType: 'studentNumber', code: studentNumber },
      givenName,
      surnamePrefix,
      surname,
      displayName: [givenName, surnamePrefix, surname].filter(Boolean).join(' '),
      consumers: consumer({
        assignedNeeds: [
          { code: 'extraTime30Min', startDate: '2026-08-01', endDate: '2027-07-31' },
          { code: 'spoken', startDate: '2024-08-01', endDate: '2025-07-31' },
        ],
      }),
    });
  const association = (associationId: string, personId: string, state: string, extra: number | null) =>
    readAssociation({
      associationId,
      associationType: 'componentOfferingAssociation',
      role: 'student',
      state,
      person: personId,
      consumers: consumer({ additionalTimeInMin: extra, personalNeeds: extra ? ['extraTime'] : [] }),
    });
  storeSync(
    db,
    {
      components: [
        readComponent({
          componentId: 'c1',
          name: [{ language: 'nl-NL', value: 'Rekenen 2F' }],
          duration: 'PT60M',
          consumers: consumer({ resultValueType: '0.0-10.0', passFrom: '5.5' }),
        }),
      ],
      persons: [person('p1', '100001', 'Daan', 'van der', 'Berg'), person('p2', '100002', 'Zoë', null, 'Janssen')],
      offerings: [
        {
          offering: readOffering({
            offeringId: 'o1',
            offeringType: 'component',
            name: [{ language: 'nl-NL', value: 'Rekenen 2F ochtend' }],
            component: 'c1',
            startDateTime: '2026-12-04T09:00:00+01:00',
            endDateTime: '2026-12-04T10:30:00+01:00',
            consumers: consumer({ offeringState: 'active', locationCode: 'A-22' }),
          }),
          associations: [
            association('a1', 'p1', 'associated', 30),
            association('a2', 'p2', 'canceled', null),
            readAssociation({ associationId: 'a9', associationType: 'componentOfferingAssociation', role: 'assessor', state: 'associated', person: 'p9' }),
          ],
        },
      ],
    },
    'Europe/Amsterdam',
    '2026-12-01T08:00:00.000Z',
  );
}

function event(clock: HybridLogicalClock, payload: CaptureEventPayload, id: string): CaptureEvent {
  return { ...payload, eventId: id, hlc: clock.tick(), deviceId: clock.node, actor: 'test', offeringId: 'o1', recordedAt: '2026-12-04T09:00:00.000Z' };
}

function snapshot(db: Db): unknown {
  return {
    attendance: db.prepare('SELECT * FROM attendance_state ORDER BY association_id').all(),
    offerings: db.prepare('SELECT * FROM offering_capture_state ORDER BY offering_id').all(),
    results: db.prepare('SELECT * FROM result_state ORDER BY association_id').all(),
  };
}

test('derivation keeps the latest attendance by clock', () => {
  const db = openDatabase(makeTempDir(), log);
  seedReference(db);
  const clock = new HybridLogicalClock('aa', () => 1_000);
  const first = event(clock, { type: 'attendance.registered', associationId: 'a1', attendance: 'present', note: null }, 'e1');
  const second = event(clock, { type: 'attendance.registered', associationId: 'a1', attendance: 'notFinished', note: 'weggegaan' }, 'e2');
  appendEvent(db, second);
  appendEvent(db, first);
  const row = db.prepare('SELECT attendance, note FROM attendance_state WHERE association_id = ?').get('a1');
  assert.deepEqual(row, { attendance: 'notFinished', note: 'weggegaan' });
});

test('derivation ignores a repeated event id', () => {
  const db = openDatabase(makeTempDir(), log);
  seedReference(db);
  const clock = new HybridLogicalClock('aa', () => 1_000);
  const once = event(clock, { type: 'attendance.registered', associationId: 'a1', attendance: 'present', note: null }, 'e1');
  assert.equal(appendEvent(db, once), true);
  assert.equal(appendEvent(db, once), false);
  assert.equal(readEvents(db).length, 1);
});

test('derivation rebuild equals incremental state', () => {
  const db = openDatabase(makeTempDir(), log);
  seedReference(db);
  const laptopA = new HybridLogicalClock('aa', () => 1_000);
  const laptopB = new HybridLogicalClock('bb', () => 1_000);
  appendEvent(db, event(laptopA, { type: 'offering.opened' }, 'e1'));
  appendEvent(db, event(laptopB, { type: 'attendance.registered', associationId: 'a1', attendance: 'present', note: null }, 'e2'));
  appendEvent(db, event(laptopA, { type: 'irregularities.recorded', text: 'Brandalarm om 09:40' }, 'e3'));
  appendEvent(db, event(laptopB, { type: 'result.recorded', associationId: 'a1', score: '7.5' }, 'e5'));
  appendEvent(db, event(laptopA, { type: 'offering.closed', irregularities: 'Brandalarm om 09:40, 10 minuten' }, 'e4'));
  const incremental = snapshot(db);
  rebuildState(db);
  assert.deepEqual(snapshot(db), incremental);
});

test('derivation keeps a closed zitting closed', () => {
  const db = openDatabase(makeTempDir(), log);
  seedReference(db);
  const clock = new HybridLogicalClock('aa', () => 1_000);
  const closed = event(clock, { type: 'offering.closed', irregularities: null }, 'e1');
  const openedLater = event(clock, { type: 'offering.opened' }, 'e2');
  appendEvent(db, closed);
  appendEvent(db, openedLater);
  const row = db.prepare('SELECT status FROM offering_capture_state WHERE offering_id = ?').get('o1') as { status: string };
  assert.equal(row.status, 'closed');
});

function captureContext(db: Db, dataDir: string): CaptureContext {
  return { db, dataDir, language: 'nl', clock: new HybridLogicalClock('aa'), deviceId: 'aa', actor: 'test', timezone: 'Europe/Amsterdam', log };
}

function openSeeded(): { db: Db; ctx: CaptureContext; dataDir: string } {
  const dataDir = makeTempDir();
  const db = openDatabase(dataDir, log);
  seedReference(db);
  return { db, ctx: captureContext(db, dataDir), dataDir };
}

test('close queues flow 3 and flow 4 together', async () => {
  const { db, ctx } = openSeeded();
  registerAttendance(ctx, { offeringId: 'o1', associationId: 'a1', attendance: 'present', note: 'ID gecontroleerd' });
  const { queued } = await closeOffering(ctx, { offeringId: 'o1', irregularities: 'Geen' });
  const flows = db.prepare('SELECT flow, association_id FROM outbox ORDER BY item_id').all();
  // a2 is cancelled upstream without attendance, so it gets no flow 3 message.
  assert.deepEqual(flows, [
    { flow: 3, association_id: 'a1' },
    { flow: 4, association_id: null },
  ]);
  assert.equal(queued, 2);
});

test('close reports a cancelled candidate who attended', async () => {
  const { db, ctx } = openSeeded();
  registerAttendance(ctx, { offeringId: 'o1', associationId: 'a2', attendance: 'present' });
  await closeOffering(ctx, { offeringId: 'o1' });
  const row = db.prepare("SELECT body FROM outbox WHERE association_id = 'a2'").get() as { body: string } | undefined;
  assert.ok(row);
  assert.match(row.body, /"attendance":"present"/);
});

test('close seals the zitting against attendance', async () => {
  const { ctx } = openSeeded();
  await closeOffering(ctx, { offeringId: 'o1' });
  assert.throws(
    () => registerAttendance(ctx, { offeringId: 'o1', associationId: 'a1', attendance: 'present' }),
    (error: Error & { code?: string }) => error.code === 'offering.closed',
  );
});

test('attendance without a note keeps the stored note', () => {
  const { ctx } = openSeeded();
  registerAttendance(ctx, { offeringId: 'o1', associationId: 'a1', attendance: 'present', note: 'bril vergeten' });
  const view = registerAttendance(ctx, { offeringId: 'o1', associationId: 'a1', attendance: 'notFinished' });
  assert.equal(view.candidates.find((c) => c.associationId === 'a1')?.note, 'bril vergeten');
});

test('close stores both documents as PDF', async () => {
  const { db, ctx, dataDir } = openSeeded();
  await closeOffering(ctx, { offeringId: 'o1', irregularities: 'Stroomstoring van 5 minuten' });
  const documents = db.prepare('SELECT document_type, file_name, sha256 FROM document ORDER BY document_type').all() as {
    document_type: string;
    file_name: string;
    sha256: string;
  }[];
  assert.deepEqual(
    documents.map((d) => d.document_type),
    ['attendanceReport', 'sessionReport'],
  );
  for (const document of documents) {
    const content = readFileSync(join(dataDir, 'documents', document.file_name));
    assert.equal(content.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(createHash('sha256').update(content).digest('hex'), document.sha256);
  }
});

test('close references the documents in flow 4', async () => {
  const { db, ctx } = openSeeded();
  await closeOffering(ctx, { offeringId: 'o1' });
  const row = db.prepare('SELECT body FROM outbox WHERE flow = 4').get() as { body: string };
  const consumer = (JSON.parse(row.body) as { consumers: { documents: { documentType: string; documentName: string }[] }[] }).consumers[0]!;
  assert.deepEqual(
    consumer.documents.map((d) => d.documentType),
    ['sessionReport', 'attendanceReport'],
  );
  assert.match(consumer.documents[0]!.documentName, /^Proces-verbaal Rekenen 2F ochtend 2026-12-04\.pdf$/);
});

test('view marks assigned needs valid on the day', () => {
  const { ctx } = openSeeded();
  const view = registerAttendance(ctx, { offeringId: 'o1', associationId: 'a1', attendance: 'present' });
  const needs = view.candidates.find((c) => c.associationId === 'a1')!.assignedNeeds;
  assert.deepEqual(
    needs.map((need) => [need.code, need.validOnDate]),
    [
      ['extraTime30Min', true],
      ['spoken', false],
    ],
  );
});

function flow3Body(db: Db, associationId: string): { result: Record<string, unknown> & { consumers: Record<string, unknown>[] } } {
  const row = db.prepare('SELECT body FROM outbox WHERE flow = 3 AND association_id = ?').get(associationId) as { body: string };
  return JSON.parse(row.body) as { result: Record<string, unknown> & { consumers: Record<string, unknown>[] } };
}

test('close sends a score as completed result', async () => {
  const { db, ctx } = openSeeded();
  registerAttendance(ctx, { offeringId: 'o1', associationId: 'a1', attendance: 'present' });
  recordResult(ctx, { offeringId: 'o1', associationId: 'a1', score: '7,5' });
  await closeOffering(ctx, { offeringId: 'o1' });
  const { result } = flow3Body(db, 'a1');
  assert.deepEqual([result.state, result.score, result.pass, result.weight], ['completed', '7.5', 'passed', 100]);
  assert.equal(result.consumers[0]!.assessorId, 'p9');
});

test('score is refused for an absent candidate', () => {
  const { ctx } = openSeeded();
  registerAttendance(ctx, { offeringId: 'o1', associationId: 'a1', attendance: 'notPresent' });
  assert.throws(
    () => recordResult(ctx, { offeringId: 'o1', associationId: 'a1', score: '6.0' }),
    (error: Error & { code?: string }) => error.code === 'result.notAttended',
  );
});

test('score is withdrawn when absence follows', async () => {
  const { db, ctx } = openSeeded();
  recordResult(ctx, { offeringId: 'o1', associationId: 'a1', score: '8.0' });
  registerAttendance(ctx, { offeringId: 'o1', associationId: 'a1', attendance: 'notStarted' });
  await closeOffering(ctx, { offeringId: 'o1' });
  const { result } = flow3Body(db, 'a1');
  assert.equal(result.state, 'in progress');
  assert.equal(result.score, undefined);
});

test('score outside the scale is refused', () => {
  const { ctx } = openSeeded();
  assert.throws(
    () => recordResult(ctx, { offeringId: 'o1', associationId: 'a1', score: '11' }),
    (error: Error & { code?: string }) => error.code === 'result.invalid',
  );
});
