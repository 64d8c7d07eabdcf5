import type { Db } from '../../db/connection';
import type { SyncSummary } from '../contract/api';
import { localDate, parseDateTime } from '../time/zone';
import type { ServiceWarning } from './service';
import type { PulledData } from './sync';

const json = (value: unknown) => JSON.stringify(value);
/** SQLite has no boolean: 1 or 0, and NULL for unknown. */
function flag(value: boolean | null): number | null {
  if (value === null) return null;
  return value ? 1 : 0;
}

/**
 * Writes one sync run in a single transaction: upserts reference rows by
 * their OOAPI ids, so a repeated sync adds no duplicates.
 *
 * NOTE: an association that disappears upstream stays stored with its last
 * state; the planning system is expected to send `state: canceled` instead.
 */
export function storeSync(
  db: Db,
  data: PulledData,
  timeZone: string,
  syncedAt: string,
  outcome: { normalisations: number; warnings: ServiceWarning[] } = { normalisations: 0, warnings: [] },
): Omit<SyncSummary, 'warnings'> {
  const upsertComponent = db.prepare(
    `INSERT INTO component (component_id, name, abbreviation, duration_min, mode_of_delivery, additional_testing_time_min,
       available_personal_needs, safety, exam, result_value_type, pass_from, status, licensed, raw, synced_at)
     VALUES (@componentId, @name, @abbreviation, @durationMin, @modeOfDelivery, @additionalTestingTimeMin,
       @availablePersonalNeeds, @safety, @exam, @resultValueType, @passFrom, @status, @licensed, @raw, @syncedAt)
     ON CONFLICT (component_id) DO UPDATE SET name = excluded.name, abbreviation = excluded.abbreviation,
       duration_min = excluded.duration_min, mode_of_delivery = excluded.mode_of_delivery,
       additional_testing_time_min = excluded.additional_testing_time_min,
       available_personal_needs = excluded.available_personal_needs, safety = excluded.safety, exam = excluded.exam,
       result_value_type = excluded.result_value_type, pass_from = excluded.pass_from, status = excluded.status,
       licensed = excluded.licensed, raw = excluded.raw, synced_at = excluded.synced_at`,
  );
  const upsertPerson = db.prepare(
    `INSERT INTO person (person_id, student_number, given_name, surname_prefix, surname, display_name, preferred_name,
       id_check_name, assigned_needs, other_codes, programmes, raw, synced_at)
     VALUES (@personId, @studentNumber, @givenName, @surnamePrefix, @surname, @displayName, @preferredName,
       @idCheckName, @assignedNeeds, @otherCodes, @programmes, @raw, @syncedAt)
     ON CONFLICT (person_id) DO UPDATE SET student_number = excluded.student_number, given_name = excluded.given_name,
       surname_prefix = excluded.surname_prefix, surname = excluded.surname, display_name = excluded.display_name,
       preferred_name = excluded.preferred_name, id_check_name = excluded.id_check_name,
       assigned_needs = excluded.assigned_needs, other_codes = excluded.other_codes,
       programmes = excluded.programmes, raw = excluded.raw,
       synced_at = excluded.synced_at`,
  );
  const upsertOffering = db.prepare(
    `INSERT INTO offering (offering_id, name, component_id, location_code, start_date_time, end_date_time,
       start_epoch_ms, end_epoch_ms, start_local_date, offering_state, duration_min, start_option, duration_from,
       duration_until, last_possible_start_epoch_ms, safety, other_consumers, raw, synced_at)
     VALUES (@offeringId, @name, @componentId, @locationCode, @startDateTime, @endDateTime,
       @startEpochMs, @endEpochMs, @startLocalDate, @offeringState, @durationMin, @startOption, @durationFrom,
       @durationUntil, @lastPossibleStartEpochMs, @safety, @otherConsumers, @raw, @syncedAt)
     ON CONFLICT (offering_id) DO UPDATE SET name = excluded.name, component_id = excluded.component_id,
       location_code = excluded.location_code, start_date_time = excluded.start_date_time,
       end_date_time = excluded.end_date_time, start_epoch_ms = excluded.start_epoch_ms,
       end_epoch_ms = excluded.end_epoch_ms, start_local_date = excluded.start_local_date,
       offering_state = excluded.offering_state, duration_min = excluded.duration_min,
       start_option = excluded.start_option, duration_from = excluded.duration_from,
       duration_until = excluded.duration_until, last_possible_start_epoch_ms = excluded.last_possible_start_epoch_ms,
       safety = excluded.safety, other_consumers = excluded.other_consumers, raw = excluded.raw,
       synced_at = excluded.synced_at`,
  );
  const upsertAssociation = db.prepare(
    `INSERT INTO association (association_id, offering_id, person_id, role, state, additional_time_min, personal_needs, raw, synced_at)
     VALUES (@associationId, @offeringId, @personId, @role, @state, @additionalTimeInMin, @personalNeeds, @raw, @syncedAt)
     ON CONFLICT (association_id) DO UPDATE SET offering_id = excluded.offering_id, person_id = excluded.person_id,
       role = excluded.role, state = excluded.state, additional_time_min = excluded.additional_time_min,
       personal_needs = excluded.personal_needs, raw = excluded.raw, synced_at = excluded.synced_at`,
  );

  let associationCount = 0;
  let candidateCount = 0;
  db.transaction(() => {
    for (const c of data.components) {
      upsertComponent.run({
        ...c,
        modeOfDelivery: json(c.modeOfDelivery),
        availablePersonalNeeds: json(c.availablePersonalNeeds),
        safety: json(c.safety),
        exam: flag(c.exam),
        licensed: flag(c.licensed),
        raw: json(c.raw),
        syncedAt,
      });
    }
    for (const p of data.persons) {
      upsertPerson.run({
        ...p,
        assignedNeeds: json(p.assignedNeeds),
        otherCodes: json(p.otherCodes),
        programmes: json(p.programmes),
        raw: json(p.raw),
        syncedAt,
      });
    }
    for (const { offering: o, associations } of data.offerings) {
      // The caller checked both date-times before this transaction started.
      const startEpochMs = parseDateTime(o.startDateTime)!;
      upsertOffering.run({
        ...o,
        startEpochMs,
        endEpochMs: parseDateTime(o.endDateTime)!,
        startLocalDate: localDate(startEpochMs, timeZone),
        lastPossibleStartEpochMs: o.lastPossibleStartDateTime === null ? null : parseDateTime(o.lastPossibleStartDateTime),
        safety: json(o.safety),
        otherConsumers: json(o.otherConsumers),
        raw: json(o.raw),
        syncedAt,
      });
      for (const a of associations) {
        const { person: _expanded, ...row } = a;
        upsertAssociation.run({ ...row, offeringId: o.offeringId, personalNeeds: json(a.personalNeeds), raw: json(a.raw), syncedAt });
        associationCount += 1;
        if (a.role === 'student') candidateCount += 1;
      }
    }
    db.prepare(
      `INSERT INTO sync_run (finished_at, components, offerings, associations, candidates, persons, normalisations, warnings)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      syncedAt, data.components.length, data.offerings.length, associationCount, candidateCount, data.persons.length,
      outcome.normalisations, JSON.stringify(outcome.warnings),
    );
  })();

  return {
    components: data.components.length,
    offerings: data.offerings.length,
    associations: associationCount,
    candidates: candidateCount,
    persons: data.persons.length,
    finishedAt: syncedAt,
    normalisations: outcome.normalisations,
  };
}
