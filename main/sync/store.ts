import type { Db } from '../../db/connection';
import type { SyncSummary } from '../contract/api';
import { localDate, parseDateTime } from '../time/zone';
import type { PulledData } from './sync';

/**
 * Writes one sync run in a single transaction: upserts reference rows by
 * their OOAPI ids, so a repeated sync adds no duplicates.
 *
 * NOTE: an association that disappears upstream stays stored with its last
 * state; the planning system is expected to send `state: canceled` instead.
 */
export function storeSync(db: Db, data: PulledData, timeZone: string, syncedAt: string): SyncSummary {
  const upsertComponent = db.prepare(
    `INSERT INTO component (component_id, name, abbreviation, raw, synced_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (component_id) DO UPDATE SET name = excluded.name, abbreviation = excluded.abbreviation,
       raw = excluded.raw, synced_at = excluded.synced_at`,
  );
  const upsertPerson = db.prepare(
    `INSERT INTO person (person_id, student_number, given_name, surname_prefix, surname, display_name, id_check_name, raw, synced_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (person_id) DO UPDATE SET student_number = excluded.student_number, given_name = excluded.given_name,
       surname_prefix = excluded.surname_prefix, surname = excluded.surname, display_name = excluded.display_name,
       id_check_name = excluded.id_check_name, raw = excluded.raw, synced_at = excluded.synced_at`,
  );
  const upsertOffering = db.prepare(
    `INSERT INTO offering (offering_id, name, component_id, location_code, start_date_time, end_date_time,
       start_epoch_ms, end_epoch_ms, start_local_date, offering_state, raw, synced_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (offering_id) DO UPDATE SET name = excluded.name, component_id = excluded.component_id,
       location_code = excluded.location_code, start_date_time = excluded.start_date_time,
       end_date_time = excluded.end_date_time, start_epoch_ms = excluded.start_epoch_ms,
       end_epoch_ms = excluded.end_epoch_ms, start_local_date = excluded.start_local_date,
       offering_state = excluded.offering_state, raw = excluded.raw, synced_at = excluded.synced_at`,
  );
  const upsertAssociation = db.prepare(
    `INSERT INTO association (association_id, offering_id, person_id, role, state, additional_time_min, personal_needs, raw, synced_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (association_id) DO UPDATE SET offering_id = excluded.offering_id, person_id = excluded.person_id,
       role = excluded.role, state = excluded.state, additional_time_min = excluded.additional_time_min,
       personal_needs = excluded.personal_needs, raw = excluded.raw, synced_at = excluded.synced_at`,
  );

  let associationCount = 0;
  db.transaction(() => {
    for (const c of data.components) {
      upsertComponent.run(c.componentId, c.name, c.abbreviation, JSON.stringify(c.raw), syncedAt);
    }
    for (const p of data.persons) {
      upsertPerson.run(p.personId, p.studentNumber, p.givenName, p.surnamePrefix, p.surname, p.displayName, p.idCheckName, JSON.stringify(p.raw), syncedAt);
    }
    for (const { offering: o, associations } of data.offerings) {
      // Checked by the caller before this transaction starts.
      const startMs = parseDateTime(o.startDateTime)!;
      const endMs = parseDateTime(o.endDateTime)!;
      upsertOffering.run(
        o.offeringId, o.name, o.componentId, o.locationCode, o.startDateTime, o.endDateTime,
        startMs, endMs, localDate(startMs, timeZone), o.offeringState, JSON.stringify(o.raw), syncedAt,
      );
      for (const a of associations) {
        upsertAssociation.run(
          a.associationId, o.offeringId, a.personId, a.role, a.state, a.additionalTimeInMin,
          JSON.stringify(a.personalNeeds), JSON.stringify(a.raw), syncedAt,
        );
        associationCount += 1;
      }
    }
    db.prepare('INSERT INTO sync_run (finished_at, components, offerings, associations, persons) VALUES (?, ?, ?, ?, ?)').run(
      syncedAt, data.components.length, data.offerings.length, associationCount, data.persons.length,
    );
  })();

  return {
    components: data.components.length,
    offerings: data.offerings.length,
    associations: associationCount,
    persons: data.persons.length,
    finishedAt: syncedAt,
  };
}
