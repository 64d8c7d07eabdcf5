import type { EndpointName } from '../config/config';

/**
 * An OKE endpoint returned a non-2xx status. `title` and `detail` come from
 * the OOAPI error body when there was one.
 */
export class OkeHttpError extends Error {
  override name = 'OkeHttpError';
  constructor(
    readonly endpoint: EndpointName,
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    /** Seconds from a `Retry-After` header, when the server sent one. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`${method} ${url} returned ${status}: ${title}${detail ? ` (${detail})` : ''}`);
  }
}

/** The token endpoint rejected the client credentials or the scope. */
export class OkeTokenError extends Error {
  override name = 'OkeTokenError';
  constructor(
    readonly endpoint: EndpointName,
    readonly url: string,
    readonly status: number,
    /** OAuth2 `error` code such as `invalid_client` or `invalid_scope`, or an empty string. */
    readonly oauthError: string,
  ) {
    super(`token request to ${url} failed with ${status}${oauthError ? ` (${oauthError})` : ''}`);
  }
}

/** No HTTP response: connection refused, DNS failure, TLS failure or timeout. */
export class OkeNetworkError extends Error {
  override name = 'OkeNetworkError';
  constructor(
    readonly endpoint: EndpointName,
    readonly method: string,
    readonly url: string,
    readonly timedOut: boolean,
    options?: { cause?: unknown },
  ) {
    super(`${method} ${url} failed: ${timedOut ? 'timed out' : 'no connection'}`, options);
  }
}

/** A 2xx response whose body is not what OKE prescribes: not JSON, or missing required fields. */
export class OkeFormatError extends Error {
  override name = 'OkeFormatError';
  constructor(
    readonly endpoint: EndpointName,
    readonly url: string,
    readonly problem: string,
  ) {
    super(`unusable response from ${url}: ${problem}`);
  }
}
