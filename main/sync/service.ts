/**
 * Service metadata (`GET /` on each endpoint): which OOAPI versions and which
 * nl-test-admin consumer version the other side speaks. OKE Lokaal speaks
 * OOAPI v5 and the nl-test-admin consumer of OKE afsprakenset 1.0.x. A
 * mismatch is a warning for the coordinator, not a failure, because most
 * fields stay the same across versions.
 */
import type { Db } from '../../db/connection';
import type { EndpointName } from '../config/config';
import { formatMessage, type Language, type MessageKey, type MessageParams } from '../contract/messages';
import type { Logger } from '../log/logger';
import type { OkeClients } from '../oke/clients';
import { consumerKey } from '../oke/read';

export const spokenOoapiVersion = 'v5';
/** Major version of the nl-test-admin consumer this app reads and writes. */
export const spokenConsumerMajor = 1;

export interface ServiceWarning {
  key: MessageKey;
  params: MessageParams;
}

export interface ServiceInfo {
  endpoint: EndpointName;
  supportedVersions: string[];
  consumerVersion: string | null;
  raw: unknown;
}

function readServiceInfo(endpoint: EndpointName, body: unknown): ServiceInfo {
  const object = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const versions = Array.isArray(object.supportedVersions) ? object.supportedVersions.filter((v): v is string => typeof v === 'string') : [];
  const consumers = Array.isArray(object.supportedConsumers) ? object.supportedConsumers : [];
  const ours = consumers.find(
    (c): c is { version?: unknown } => typeof c === 'object' && c !== null && (c as { consumerKey?: unknown }).consumerKey === consumerKey,
  );
  return { endpoint, supportedVersions: versions, consumerVersion: typeof ours?.version === 'string' ? ours.version : null, raw: body };
}

/** Compares the versions an endpoint reports with the versions this app speaks. */
export function serviceWarnings(info: ServiceInfo): ServiceWarning[] {
  const warnings: ServiceWarning[] = [];
  if (info.supportedVersions.length > 0 && !info.supportedVersions.includes(spokenOoapiVersion)) {
    warnings.push({ key: 'service.versionUnsupported', params: { endpoint: info.endpoint, versions: info.supportedVersions.join(', ') } });
  }
  if (info.consumerVersion !== null) {
    const major = Number(info.consumerVersion.split('.')[0]);
    if (major !== spokenConsumerMajor) {
      warnings.push({ key: 'service.consumerVersion', params: { endpoint: info.endpoint, version: info.consumerVersion } });
    }
  }
  return warnings;
}

/**
 * Reads `GET /` of every endpoint. An endpoint that does not serve it (404,
 * not JSON) is logged and skipped: the metadata is optional for a client.
 */
export async function checkServices(clients: OkeClients, log: Logger): Promise<ServiceInfo[]> {
  const infos: ServiceInfo[] = [];
  for (const endpoint of ['catalog', 'enrolments', 'planning'] as const) {
    try {
      infos.push(readServiceInfo(endpoint, await clients[endpoint].getJson('/')));
    } catch (error) {
      log.info({ endpoint, err: (error as Error).message }, 'service metadata not available');
    }
  }
  return infos;
}

export function storeServices(db: Db, infos: ServiceInfo[], checkedAt: string): void {
  const upsert = db.prepare(
    `INSERT INTO endpoint_service (endpoint, supported_versions, consumer_version, checked_at, raw) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (endpoint) DO UPDATE SET supported_versions = excluded.supported_versions,
       consumer_version = excluded.consumer_version, checked_at = excluded.checked_at, raw = excluded.raw`,
  );
  for (const info of infos) {
    upsert.run(info.endpoint, JSON.stringify(info.supportedVersions), info.consumerVersion, checkedAt, JSON.stringify(info.raw));
  }
}

export function formatWarnings(warnings: ServiceWarning[], language: Language = 'nl'): string[] {
  return warnings.map((warning) => formatMessage(warning.key, warning.params, language));
}
