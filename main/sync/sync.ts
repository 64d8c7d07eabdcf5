/**
 * Sync in: pulls the catalogue (flow 0), the zittingen with their
 * associations for the venue's locations and date window (flow 2) and the
 * candidates' persons (flow 1), then stores them in one transaction. Every
 * request finishes before the first write, so a failed run leaves the
 * previously synced data as it was. Capture tables are never touched.
 */
import type { Db } from '../../db/connection';
import type { VenueConfig } from '../config/config';
import type { SyncSummary } from '../contract/api';
import type { Logger } from '../log/logger';
import type { OkeClients } from '../oke/clients';
import { OkeFormatError } from '../oke/errors';
import {
  readAssociation,
  readComponent,
  readOffering,
  readPerson,
  ReadError,
  type AssociationRecord,
  type ComponentRecord,
  type OfferingRecord,
  type PersonRecord,
} from '../oke/read';
import { OkeHttpError } from '../oke/errors';
import { mapWithLimit } from '../util/concurrency';
import { addDays, localDate, parseDateTime } from '../time/zone';
import { storeSync } from './store';

/** Requests in flight at once per sync, so a school server is not flooded. */
const requestConcurrency = 4;

export interface SyncContext {
  db: Db;
  config: VenueConfig;
  clients: OkeClients;
  log: Logger;
  now?: () => number;
}

export interface PulledOffering {
  offering: OfferingRecord;
  associations: AssociationRecord[];
}

export interface PulledData {
  components: ComponentRecord[];
  offerings: PulledOffering[];
  persons: PersonRecord[];
}

/** Reads one payload item, turning a ReadError into a format error that names the URL. */
function readItem<T>(reader: (value: unknown) => T, value: unknown, endpoint: OkeFormatError['endpoint'], url: string): T {
  try {
    return reader(value);
  } catch (error) {
    if (error instanceof ReadError) throw new OkeFormatError(endpoint, url, error.message);
    throw error;
  }
}

async function pullCatalogue(clients: OkeClients): Promise<ComponentRecord[]> {
  const { catalog } = clients;
  const items = await catalog.getAllPages('/components');
  return items.map((item) => readItem(readComponent, item, 'catalog', catalog.url('/components')));
}

async function pullOfferings(ctx: SyncContext, since: string, until: string): Promise<PulledOffering[]> {
  const { planning } = ctx.clients;
  const query = { offeringType: 'component', since, until };
  const listUrl = planning.url('/offerings', query);
  const offerings = (await planning.getAllPages('/offerings', query))
    .map((item) => readItem(readOffering, item, 'planning', listUrl))
    .filter((offering) => offering.locationCode !== null && ctx.config.locations.includes(offering.locationCode));

  return mapWithLimit(offerings, requestConcurrency, async (offering) => {
    const path = `/offerings/${encodeURIComponent(offering.offeringId)}/associations`;
    const items = await planning.getAllPages(path, { expand: 'person' });
    const associations = items.map((item) => readItem(readAssociation, item, 'planning', planning.url(path)));
    return { offering, associations };
  });
}

/**
 * Fetches each student's person from the student information system. A
 * person the SIS does not know (404) falls back to what the planning system
 * expanded, so one unknown student does not block the whole day.
 */
async function pullPersons(ctx: SyncContext, offerings: PulledOffering[]): Promise<PersonRecord[]> {
  const { enrolments } = ctx.clients;
  const expanded = new Map<string, PersonRecord>();
  const studentIds = new Set<string>();
  for (const { associations } of offerings) {
    for (const association of associations) {
      if (association.person) expanded.set(association.person.personId, association.person);
      if (association.role === 'student' && association.personId) studentIds.add(association.personId);
    }
  }

  const fromSis = await mapWithLimit([...studentIds], requestConcurrency, async (personId) => {
    const path = `/persons/${encodeURIComponent(personId)}`;
    try {
      return readItem(readPerson, await enrolments.getJson(path), 'enrolments', enrolments.url(path));
    } catch (error) {
      const fallback = expanded.get(personId);
      if (error instanceof OkeHttpError && error.status === 404 && fallback) {
        ctx.log.warn({ personId }, 'person not found in the student information system, using the planning system copy');
        return fallback;
      }
      throw error;
    }
  });

  const persons = new Map(expanded);
  for (const person of fromSis) persons.set(person.personId, person);
  return [...persons.values()];
}

/** Checks what the store relies on before anything is written. */
function checkOfferingTimes(offerings: PulledOffering[], url: string): void {
  for (const { offering } of offerings) {
    for (const field of ['startDateTime', 'endDateTime'] as const) {
      if (parseDateTime(offering[field]) === null) {
        throw new OkeFormatError('planning', url, `offering ${offering.offeringId} has an invalid "${field}": ${offering[field]}`);
      }
    }
  }
}

export async function runSync(ctx: SyncContext): Promise<SyncSummary> {
  const now = ctx.now ?? Date.now;
  const today = localDate(now(), ctx.config.timezone);
  const since = addDays(today, -ctx.config.window.daysBefore);
  const until = addDays(today, ctx.config.window.daysAfter);
  ctx.log.info({ since, until, locations: ctx.config.locations }, 'sync started');

  const components = await pullCatalogue(ctx.clients);
  const offerings = await pullOfferings(ctx, since, until);
  checkOfferingTimes(offerings, ctx.clients.planning.url('/offerings'));
  const persons = await pullPersons(ctx, offerings);

  const summary = storeSync(ctx.db, { components, offerings, persons }, ctx.config.timezone, new Date(now()).toISOString());
  ctx.log.info({ ...summary }, 'sync finished');
  return summary;
}
