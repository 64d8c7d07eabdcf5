// Type aliases rather than interfaces, so the config also fits a plain
// `Record<string, unknown>` where callers treat it as JSON.

/** One OKE endpoint of the oke-lokaal config file. */
export type OkeEndpointConfig = {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
};

/** The oke-lokaal config file body that the counterpart prints for its demo credentials. */
export type OkeLokaalConfig = {
  locations: string[];
  window: { daysBefore: number; daysAfter: number };
  timezone: string;
  endpoints: {
    catalog: OkeEndpointConfig;
    enrolments: OkeEndpointConfig;
    planning: OkeEndpointConfig;
  };
};

/** The three OKE roles the counterpart plays, each under its own path prefix. */
export type Role = 'ta' | 'sis' | 'tpl';

export interface RoleDefinition {
  /** Path prefix of the role's OOAPI base URL. */
  prefix: string;
  /** Scope a token must carry to call this role. */
  scope: string;
  clientId: string;
  clientSecret: string;
  endpoint: keyof OkeLokaalConfig['endpoints'];
}

export const ROLES: Record<Role, RoleDefinition> = {
  ta: { prefix: '/ta/ooapi', scope: 'nl-test-admin-flow-0', clientId: 'oke-lokaal-demo-catalog', clientSecret: 'demo-secret-catalog', endpoint: 'catalog' },
  sis: { prefix: '/sis/ooapi', scope: 'nl-test-admin-flow-1-5', clientId: 'oke-lokaal-demo-enrolments', clientSecret: 'demo-secret-enrolments', endpoint: 'enrolments' },
  tpl: { prefix: '/tpl/ooapi', scope: 'nl-test-admin-flow-2-3-4', clientId: 'oke-lokaal-demo-planning', clientSecret: 'demo-secret-planning', endpoint: 'planning' },
};

export const CONFIGURED_LOCATION = 'A-22';
export const TIME_ZONE = 'Europe/Amsterdam';

export function buildConfig(baseUrl: string): OkeLokaalConfig {
  const endpoint = (role: RoleDefinition): OkeEndpointConfig => ({
    baseUrl: `${baseUrl}${role.prefix}`,
    tokenUrl: `${baseUrl}/oauth/token`,
    clientId: role.clientId,
    clientSecret: role.clientSecret,
    scope: role.scope,
  });
  return {
    locations: [CONFIGURED_LOCATION],
    window: { daysBefore: 1, daysAfter: 14 },
    timezone: TIME_ZONE,
    endpoints: { catalog: endpoint(ROLES.ta), enrolments: endpoint(ROLES.sis), planning: endpoint(ROLES.tpl) },
  };
}
