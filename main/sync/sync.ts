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
  readProgrammeEnrolments,
  ReadError,
  type ProgrammeEnrolment,
  type AssociationRecord,
  type ComponentRecord,
  type OfferingRecord,
  type PersonRecord,
} from '../oke/read';
import { OkeHttpError } from '../oke/errors';
import { mapWithLimit } from '../util/concurrency';
import { addDays, localDate, parseDateTime } from '../time/zone';
import { storeSync } from './store';
import { checkServices, serviceWarnings, storeServices, type ServiceWarning } from './service';

/** Requests in flight at once per sync, so a school server is not flooded. */
const requestConcurrency = 4;

export interface SyncContext {
  db: Db;
  config: VenueConfig;
  clients: OkeClients;
  log: Logger;
  now?: () => number;
}

/** Collects the normalisations of one run and logs each, up to a cap, so a sender that repeats one deviation on every item cannot flood the log. */
class NormalisationLog {
  count = 0;
  private static readonly maxLogged = 50;

  constructor(private readonly log: Logger) {}

  readonly note = (message: string): void => {
    this.count += 1;
    if (this.count <= NormalisationLog.maxLogged) this.log.info({ normalisation: message }, 'OKE payload normalised');
    else if (this.count === NormalisationLog.maxLogged + 1) this.log.info('further normalisations in this sync are counted, not logged');
  };
}

export interface SyncResult {
  summary: Omit<SyncSummary, 'warnings'>;
  warnings: ServiceWarning[];
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
function readItem<T>(
  reader: (value: unknown, note: (message: string) => void) => T,
  value: unknown,
  endpoint: OkeFormatError['endpoint'],
  url: string,
  note: (message: string) => void,
): T {
  try {
    return reader(value, note);
  } catch (error) {
    if (error instanceof ReadError) throw new OkeFormatError(endpoint, url, error.message);
    throw error;
  }
}

// NOTE: flow 0 is fetched whole on every sync. GET /components has no `since`
// filter in ooapiv5_MBO.yaml, so an incremental refresh would rely on a
// parameter the standard does not define.
async function pullCatalogue(clients: OkeClients, note: (message: string) => void): Promise<ComponentRecord[]> {
  const { catalog } = clients;
  const items = await catalog.getAllPages('/components');
  return items.map((item) => readItem(readComponent, item, 'catalog', catalog.url('/components'), note));
}

async function pullOfferings(ctx: SyncContext, since: string, until: string, note: (message: string) => void): Promise<PulledOffering[]> {
  const { planning } = ctx.clients;
  const query = { offeringType: 'component', since, until };
  const listUrl = planning.url('/offerings', query);
  const offerings = (await planning.getAllPages('/offerings', query))
    .map((item) => readItem(readOffering, item, 'planning', listUrl, note))
    .filter((offering) => offering.locationCode !== null && ctx.config.locations.includes(offering.locationCode));

  return mapWithLimit(offerings, requestConcurrency, async (offering) => {
    const path = `/offerings/${encodeURIComponent(offering.offeringId)}/associations`;
    const items = await planning.getAllPages(path, { expand: 'person' });
    const associations = items.map((item) => readItem(readAssociation, item, 'planning', planning.url(path), note));
    return { offering, associations };
  });
}

/**
 * Fetches the persons of every association from the student information
 * system, and the programme enrolments of each student. A person the SIS does
 * not know (404) falls back to what the planning system expanded. Without
 * that copy a staff member is left out and shown by id. A student without it
 * makes the sync fail, because the surveillant cannot check a candidate
 * without a name.
 */
async function pullPersons(ctx: SyncContext, offerings: PulledOffering[], note: (message: string) => void): Promise<PersonRecord[]> {
  const { enrolments } = ctx.clients;
  const expanded = new Map<string, PersonRecord>();
  const roles = new Map<string, 'student' | 'staff'>();
  for (const { associations } of offerings) {
    for (const association of associations) {
      if (association.person) expanded.set(association.person.personId, association.person);
      if (!association.personId) continue;
      if (association.role === 'student') roles.set(association.personId, 'student');
      else if (!roles.has(association.personId)) roles.set(association.personId, 'staff');
    }
  }

  let programmesAvailable = true;
  const fromSis = await mapWithLimit([...roles], requestConcurrency, async ([personId, role]) => {
    const path = `/persons/${encodeURIComponent(personId)}`;
    try {
      const person = readItem(readPerson, await enrolments.getJson(path), 'enrolments', enrolments.url(path), note);
      if (role === 'student' && programmesAvailable) {
        const programmes = await pullProgrammes(ctx, personId);
        if (programmes === null) programmesAvailable = false;
        else person.programmes = programmes;
      }
      return person;
    } catch (error) {
      if (!(error instanceof OkeHttpError && error.status === 404)) throw error;
      const fallback = expanded.get(personId);
      if (fallback) {
        ctx.log.warn({ personId, role }, 'person not found in the student information system, using the planning system copy');
        return fallback;
      }
      if (role === 'staff') {
        ctx.log.warn({ personId }, 'staff person not found in the student information system, shown by id');
        return null;
      }
      throw error;
    }
  });

  const persons = new Map(expanded);
  for (const person of fromSis) if (person) persons.set(person.personId, person);
  return [...persons.values()];
}

/** Status codes with which a student information system reports that it does not offer an endpoint. */
const notOffered = new Set([400, 404, 405, 501]);

/**
 * Fetches the programme enrolments of one person, or returns null when the
 * student information system does not offer the endpoint. The caller then
 * stops asking for the rest of the run.
 */
async function pullProgrammes(ctx: SyncContext, personId: string): Promise<ProgrammeEnrolment[] | null> {
  const { enrolments } = ctx.clients;
  const path = `/persons/${encodeURIComponent(personId)}/associations`;
  try {
    return readProgrammeEnrolments(await enrolments.getAllPages(path, { associationType: 'programOffering' }));
  } catch (error) {
    if (error instanceof OkeHttpError && notOffered.has(error.status)) {
      ctx.log.info({ personId, status: error.status }, 'programme enrolments not offered by the student information system');
      return null;
    }
    throw error;
  }
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

export async function runSync(ctx: SyncContext): Promise<SyncResult> {
  const now = ctx.now ?? Date.now;
  const today = localDate(now(), ctx.config.timezone);
  const since = addDays(today, -ctx.config.window.daysBefore);
  const until = addDays(today, ctx.config.window.daysAfter);
  const normalisations = new NormalisationLog(ctx.log);
  ctx.log.info({ since, until, locations: ctx.config.locations }, 'sync started');

  const services = await checkServices(ctx.clients, ctx.log);
  const warnings = services.flatMap(serviceWarnings);
  for (const warning of warnings) ctx.log.warn({ warning: warning.key, ...warning.params }, 'endpoint speaks another OKE version');

  const components = await pullCatalogue(ctx.clients, normalisations.note);
  const offerings = await pullOfferings(ctx, since, until, normalisations.note);
  checkOfferingTimes(offerings, ctx.clients.planning.url('/offerings'));
  const persons = await pullPersons(ctx, offerings, normalisations.note);

  const finishedAt = new Date(now()).toISOString();
  const summary = storeSync(ctx.db, { components, offerings, persons }, ctx.config.timezone, finishedAt, {
    normalisations: normalisations.count,
    warnings,
  });
  storeServices(ctx.db, services, finishedAt);
  ctx.log.info({ ...summary, warnings: warnings.length }, 'sync finished');
  return { summary, warnings };
}
