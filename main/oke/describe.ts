import type { EndpointName } from '../config/config';
import { AppError } from '../errors';
import { OkeFormatError, OkeHttpError, OkeNetworkError, OkeTokenError } from './errors';

/**
 * Turns an OKE client failure into the message a coordinator can act on;
 * other errors pass through. `scopes` names the configured scope per endpoint
 * for the wrong-scope message.
 */
export function describeOkeError(error: unknown, scopes: Partial<Record<EndpointName, string>> = {}): unknown {
  if (error instanceof OkeTokenError) {
    const scopeProblem = error.oauthError === 'invalid_scope' || error.status === 403;
    return new AppError(scopeProblem ? 'oke.scope' : 'oke.credentials', { endpoint: error.endpoint, scope: scopes[error.endpoint] ?? '' }, { cause: error });
  }
  if (error instanceof OkeNetworkError) {
    return new AppError(error.timedOut ? 'oke.timeout' : 'oke.unreachable', { endpoint: error.endpoint, url: error.url }, { cause: error });
  }
  if (error instanceof OkeFormatError) {
    return new AppError('oke.badResponse', { endpoint: error.endpoint, url: error.url, problem: error.problem }, { cause: error });
  }
  if (error instanceof OkeHttpError) {
    const params = { endpoint: error.endpoint, url: error.url, status: error.status, title: error.title };
    if (error.status === 401) return new AppError('oke.credentials', params, { cause: error });
    if (error.status === 403) return new AppError('oke.scope', { ...params, scope: scopes[error.endpoint] ?? '' }, { cause: error });
    // Without its query string the address compares directly with baseUrl in the config.
    if (error.status === 404) return new AppError('oke.notFound', { ...params, url: error.url.split('?')[0]! }, { cause: error });
    if (error.status === 429) return new AppError('oke.rateLimited', params, { cause: error });
    if (error.status >= 500) return new AppError('oke.serverError', params, { cause: error });
    return new AppError('oke.rejected', params, { cause: error });
  }
  return error;
}
