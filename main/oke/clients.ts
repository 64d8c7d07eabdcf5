import type { EndpointName, VenueConfig } from '../config/config';
import type { Logger } from '../log/logger';
import { OkeClient, type OkeClientOptions } from './client';

export type OkeClients = Record<EndpointName, OkeClient>;

/** Creates one client per configured endpoint, each with its own token. */
export function createOkeClients(config: VenueConfig, log: Logger, options: OkeClientOptions = {}): OkeClients {
  return {
    catalog: new OkeClient(config.endpoints.catalog, log, options),
    enrolments: new OkeClient(config.endpoints.enrolments, log, options),
    planning: new OkeClient(config.endpoints.planning, log, options),
  };
}
