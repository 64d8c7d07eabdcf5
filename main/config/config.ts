/**
 * The venue configuration file (JSON): which locations this laptop serves,
 * the sync window, the display time zone and the three OKE endpoints with
 * their OAuth2 client credentials. A secret may come from an environment
 * variable (`clientSecretEnv`) so that it need not sit in a plain file.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors';
import { isKnownTimeZone } from '../time/zone';

const httpUrl = z
  .string()
  .url()
  .refine((value) => /^https?:\/\//.test(value), 'must start with http:// or https://');

const endpointSchema = z
  .object({
    baseUrl: httpUrl,
    tokenUrl: httpUrl,
    clientId: z.string().min(1),
    clientSecret: z.string().min(1).optional(),
    clientSecretEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name').optional(),
    scope: z.string().min(1),
  })
  .strict()
  .refine((value) => value.clientSecret !== undefined || value.clientSecretEnv !== undefined, {
    message: 'clientSecret or clientSecretEnv is required',
    path: ['clientSecret'],
  });

const configSchema = z
  .object({
    locations: z.array(z.string().min(1)).min(1),
    window: z
      .object({
        daysBefore: z.number().int().min(0).max(60),
        daysAfter: z.number().int().min(0).max(120),
      })
      .strict()
      .default({ daysBefore: 1, daysAfter: 14 }),
    timezone: z.string().refine(isKnownTimeZone, 'must be an IANA time zone such as Europe/Amsterdam').default('Europe/Amsterdam'),
    endpoints: z
      .object({
        catalog: endpointSchema,
        enrolments: endpointSchema,
        planning: endpointSchema,
      })
      .strict(),
  })
  .strict();

export type EndpointName = 'catalog' | 'enrolments' | 'planning';

export interface EndpointConfig {
  name: EndpointName;
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
}

export interface VenueConfig {
  locations: string[];
  window: { daysBefore: number; daysAfter: number };
  timezone: string;
  endpoints: Record<EndpointName, EndpointConfig>;
}

/** Validates a parsed config body and resolves secrets from the environment. */
export function parseConfig(body: unknown, env: NodeJS.ProcessEnv = process.env): VenueConfig {
  const parsed = configSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    throw new AppError('config.invalid', { field, problem: issue.message });
  }

  const endpoints = {} as Record<EndpointName, EndpointConfig>;
  for (const name of ['catalog', 'enrolments', 'planning'] as const) {
    const raw = parsed.data.endpoints[name];
    let clientSecret = raw.clientSecret;
    if (clientSecret === undefined) {
      clientSecret = env[raw.clientSecretEnv!];
      if (!clientSecret) throw new AppError('config.secretMissing', { variable: raw.clientSecretEnv!, endpoint: name });
    }
    endpoints[name] = {
      name,
      baseUrl: raw.baseUrl.replace(/\/+$/, ''),
      tokenUrl: raw.tokenUrl,
      clientId: raw.clientId,
      clientSecret,
      scope: raw.scope,
    };
  }

  return { locations: parsed.data.locations, window: parsed.data.window, timezone: parsed.data.timezone, endpoints };
}

/** Reads and validates a config file; every failure names the file or the field. */
export function loadConfig(file: string, env: NodeJS.ProcessEnv = process.env): VenueConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('config.unreadable', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new AppError('config.notJson', { file, reason: (error as Error).message });
  }

  return parseConfig(body, env);
}
