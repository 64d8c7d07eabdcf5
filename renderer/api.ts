/**
 * The transport to OKE Lokaal. In Electron the preload bridge carries each
 * call over IPC; in a browser the web host serves the same operations as
 * `POST /api/<name>` with a bearer token that arrives once in the URL fragment.
 */
import type { ApiInput, ApiName, ApiOutput, ApiResponse } from '../main/contract/api';
import { t } from './i18n';

interface PreloadBridge {
  invoke(name: string, input: unknown): Promise<unknown>;
}

declare global {
  interface Window {
    okeLokaal?: PreloadBridge;
  }
}

/** A failed operation. Its `message` is a sentence for people, shown as is. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const tokenStorageKey = 'okeLokaal.token';

/**
 * Moves the web host's token from the URL fragment (`#token=…`) into
 * sessionStorage and removes it from the address bar, so it does not end up
 * in the history or a copied link.
 */
export function takeTokenFromUrl(): void {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = fragment.get('token');
  if (!token) return;

  sessionStorage.setItem(tokenStorageKey, token);
  fragment.delete('token');
  const rest = fragment.toString();
  const url = window.location.pathname + window.location.search + (rest ? `#${rest}` : '');
  window.history.replaceState(window.history.state, '', url);
}

function isApiResponse(value: unknown): value is ApiResponse<ApiName> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'result' in value;
  return value.ok === false && 'error' in value && typeof value.error === 'object' && value.error !== null;
}

async function invokeOverHttp(name: ApiName, input: unknown): Promise<ApiResponse<ApiName>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = sessionStorage.getItem(tokenStorageKey);
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(name)}`, { method: 'POST', headers, body: JSON.stringify(input) });
  } catch {
    throw new ApiError('networkError', t('error.network'));
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!isApiResponse(body)) throw new ApiError('badResponse', t('error.badResponse', { status: response.status }));
  return body;
}

async function invokeOverBridge(bridge: PreloadBridge, name: ApiName, input: unknown): Promise<ApiResponse<ApiName>> {
  let body: unknown;
  try {
    body = await bridge.invoke(name, input);
  } catch {
    throw new ApiError('networkError', t('error.network'));
  }
  if (!isApiResponse(body)) throw new ApiError('badResponse', t('error.unexpected'));
  return body;
}

/** Calls one API operation and returns its result, or throws an `ApiError`. */
export async function invoke<N extends ApiName>(name: N, input: ApiInput<N>): Promise<ApiOutput<N>> {
  const bridge = window.okeLokaal;
  const response =
    bridge && typeof bridge.invoke === 'function' ? await invokeOverBridge(bridge, name, input) : await invokeOverHttp(name, input);

  if (!response.ok) throw new ApiError(response.error.code, response.error.message);
  return response.result as ApiOutput<N>;
}

/** Returns the message of a failed call, or a general one for an error in the screens themselves. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return t('error.unexpected');
}
