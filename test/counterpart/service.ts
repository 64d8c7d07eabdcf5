/**
 * Service metadata (`GET /` of each role) and the control that makes a role
 * report other OOAPI or nl-test-admin versions, so a test can check what the
 * venue does with a system that speaks another version.
 */
import { ROLES, type Role } from './config';
import { isJsonObject, type JsonObject } from './json';

export type ServiceMetadata = Record<Role, JsonObject>;

/** Versions a role reports, set through `POST /_counterpart/service`. */
export interface ServiceOverride {
  role: Role;
  supportedVersions?: string[];
  /** Version of the nl-test-admin consumer in `supportedConsumers`. */
  consumerVersion?: string;
}

const TEST_ADMIN = 'nl-test-admin';

/** Metadata of a school that speaks OOAPI v5 and the nl-test-admin consumer of OKE afsprakenset 1.0.1. */
export function currentServiceMetadata(): ServiceMetadata {
  const body = (): JsonObject => ({
    contactEmail: 'beheer@roc-oke.example',
    specification: 'https://open-education-api.github.io/specification/v5/docs.html',
    documentation: 'https://github.com/NetwerkExamineringDigitalisering/NED-OOAPI',
    supportedVersions: ['v5'],
    supportedConsumers: [{ consumerKey: TEST_ADMIN, version: '1.0.1' }],
  });
  return { ta: body(), sis: body(), tpl: body() };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Reads the body of `POST /_counterpart/service`, or returns what is wrong with it. */
export function parseServiceOverride(input: unknown): ServiceOverride | string {
  if (!isJsonObject(input)) return 'the service body must be a JSON object';
  const { role, supportedVersions, consumerVersion } = input;
  if (typeof role !== 'string' || !(role in ROLES)) return `role must be one of ${Object.keys(ROLES).join(', ')}`;
  if (supportedVersions !== undefined && !isStringArray(supportedVersions)) return 'supportedVersions must be an array of strings such as ["v4"]';
  if (consumerVersion !== undefined && (typeof consumerVersion !== 'string' || consumerVersion === '')) return 'consumerVersion must be a version string such as "0.9.3"';
  return { role: role as Role, supportedVersions, consumerVersion };
}

/** Returns the metadata of a role with the override applied. Members the override leaves out stay as they were. */
export function applyServiceOverride(metadata: JsonObject, override: ServiceOverride): JsonObject {
  const updated: JsonObject = { ...metadata };
  if (override.supportedVersions) updated.supportedVersions = [...override.supportedVersions];

  const { consumerVersion } = override;
  if (consumerVersion !== undefined) {
    const consumers = Array.isArray(metadata.supportedConsumers) ? metadata.supportedConsumers : [];
    const isTestAdmin = (consumer: unknown): boolean => isJsonObject(consumer) && consumer.consumerKey === TEST_ADMIN;
    const replaced = consumers.map((consumer) => (isTestAdmin(consumer) ? { consumerKey: TEST_ADMIN, version: consumerVersion } : consumer));
    updated.supportedConsumers = consumers.some(isTestAdmin) ? replaced : [...consumers, { consumerKey: TEST_ADMIN, version: consumerVersion }];
  }
  return updated;
}
