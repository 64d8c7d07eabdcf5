/**
 * The handlers behind the API table in main/contract/api.ts. Each takes
 * validated input and returns the contract's output type; the hosts (IPC,
 * web host, CLI) only route to them.
 */
import type { ApiInput, ApiName, ApiOutput, SyncSummary } from '../contract/api';
import { AppError } from '../errors';
import { deliverOutbox } from '../delivery/deliver';
import { countItems, listItems } from '../delivery/outbox';
import { createOkeClients, type OkeClients } from '../oke/clients';
import { describeOkeError } from '../oke/describe';
import { loadOkeSchema } from '../oke/schema';
import { formatWarnings, type ServiceWarning } from '../sync/service';
import { runSync } from '../sync/sync';
import { localDate } from '../time/zone';
import { closeOffering, openOffering, recordIrregularities, recordResult, registerAttendance, type CaptureContext } from '../venue/capture';
import { listOfferingViews } from '../venue/view';
import { venueLocations, venueTimezone, type Venue } from '../app/venue';
import type { VenueConfig } from '../config/config';

export type Handlers = { [N in ApiName]: (input: ApiInput<N>) => Promise<ApiOutput<N>> };

function requireConfig(venue: Venue, operation: string): VenueConfig {
  if (!venue.config) throw new AppError('config.required', { operation });
  return venue.config;
}

function scopesOf(config: VenueConfig) {
  return {
    catalog: config.endpoints.catalog.scope,
    enrolments: config.endpoints.enrolments.scope,
    planning: config.endpoints.planning.scope,
  };
}

export function createHandlers(venue: Venue): Handlers {
  const { db, log } = venue;
  const timezone = () => venueTimezone(venue);
  const capture = (): CaptureContext => ({
    db,
    dataDir: venue.dataDir,
    language: venue.language,
    clock: venue.clock,
    deviceId: venue.deviceId,
    actor: venue.actor,
    timezone: timezone(),
    log,
  });
  let clients: OkeClients | null = null;
  const okeClients = (config: VenueConfig) => (clients ??= createOkeClients(config, log));

  return {
    async overview() {
      const dates = db.prepare('SELECT DISTINCT start_local_date AS d FROM offering ORDER BY d').all() as { d: string }[];
      const lastRun = db
        .prepare(
          `SELECT components, offerings, associations, candidates, persons, finished_at AS finishedAt, normalisations, warnings
           FROM sync_run ORDER BY run_id DESC LIMIT 1`,
        )
        .get() as (Omit<SyncSummary, 'warnings'> & { warnings: string }) | undefined;
      const lastSync = lastRun && { ...lastRun, warnings: formatWarnings(JSON.parse(lastRun.warnings) as ServiceWarning[], venue.language) };
      return {
        today: localDate(Date.now(), timezone()),
        timezone: timezone(),
        locations: venueLocations(venue),
        dates: dates.map((row) => row.d),
        lastSync: lastSync ?? null,
        outbox: countItems(db),
      };
    },

    async listOfferings(input) {
      return { offerings: listOfferingViews(db, input, timezone()) };
    },

    async openOffering(input) {
      return openOffering(capture(), input.offeringId);
    },

    async registerAttendance(input) {
      return registerAttendance(capture(), input);
    },

    async recordResult(input) {
      return recordResult(capture(), input);
    },

    async recordIrregularities(input) {
      return recordIrregularities(capture(), input);
    },

    async closeOffering(input) {
      return (await closeOffering(capture(), input)).view;
    },

    async sync() {
      const config = requireConfig(venue, 'synchroniseren');
      try {
        const { summary, warnings } = await runSync({ db, config, clients: okeClients(config), log });
        return { ...summary, warnings: formatWarnings(warnings, venue.language) };
      } catch (error) {
        throw describeOkeError(error, scopesOf(config));
      }
    },

    async deliver() {
      const config = requireConfig(venue, 'verzenden');
      const schema = loadOkeSchema();
      try {
        return await deliverOutbox(
          {
            db,
            planning: okeClients(config).planning,
            log,
            language: venue.language,
            checkBody: (method, path, body) => schema.validateOutboundBody(method, path, body),
          },
          { force: true },
        );
      } catch (error) {
        throw describeOkeError(error, scopesOf(config));
      }
    },

    async listOutbox() {
      return { items: listItems(db) };
    },
  };
}
