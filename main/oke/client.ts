/**
 * HTTP client for one OKE endpoint: OAuth2 client credentials, OOAPI paging
 * and error bodies. The access token is reused until shortly before it
 * expires; a 401 on a request triggers one token refresh and one retry.
 */
import type { EndpointConfig } from '../config/config';
import type { Logger } from '../log/logger';
import { OkeFormatError, OkeHttpError, OkeNetworkError, OkeTokenError } from './errors';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface OkeClientOptions {
  fetch?: FetchLike;
  now?: () => number;
  /** Per-request timeout in milliseconds. */
  timeoutMs?: number;
  /** Items per page asked for with `pageSize`. */
  pageSize?: number;
}

/** A token is refreshed this many milliseconds before its stated expiry, to cover clock skew and transit time. */
const tokenExpiryMarginMs = 30_000;

export class OkeClient {
  private token: { value: string; expiresAt: number } | null = null;
  private readonly fetch: FetchLike;
  private readonly now: () => number;
  private readonly timeoutMs: number;
  readonly pageSize: number;

  constructor(
    readonly endpoint: EndpointConfig,
    private readonly log: Logger,
    options: OkeClientOptions = {},
  ) {
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.pageSize = options.pageSize ?? 100;
  }

  /** Builds the absolute URL of an OOAPI path with its query string. */
  url(path: string, query: Record<string, string> = {}): string {
    const search = new URLSearchParams(query).toString();
    return `${this.endpoint.baseUrl}${path}${search ? `?${search}` : ''}`;
  }

  async getJson(path: string, query: Record<string, string> = {}): Promise<unknown> {
    const url = this.url(path, query);
    const response = await this.send('GET', url);
    return this.readJson(url, response);
  }

  /**
   * Fetches every page of an OOAPI collection, following `hasNextPage` until
   * the last page. Returns the items of all pages in order.
   */
  async getAllPages(path: string, query: Record<string, string> = {}): Promise<unknown[]> {
    const items: unknown[] = [];
    // Bounds the loop against a server that always returns hasNextPage: true.
    const maxPages = 10_000;
    for (let pageNumber = 1; pageNumber <= maxPages; pageNumber += 1) {
      const pageQuery = { ...query, pageSize: String(this.pageSize), pageNumber: String(pageNumber) };
      const url = this.url(path, pageQuery);
      const page = await this.readJson(url, await this.send('GET', url));
      if (typeof page !== 'object' || page === null || !Array.isArray((page as { items?: unknown }).items)) {
        throw new OkeFormatError(this.endpoint.name, url, 'the page has no "items" array');
      }
      const { items: pageItems, hasNextPage } = page as { items: unknown[]; hasNextPage?: unknown };
      items.push(...pageItems);
      if (hasNextPage !== true || pageItems.length === 0) return items;
    }
    throw new OkeFormatError(this.endpoint.name, this.url(path, query), `more than ${maxPages} pages`);
  }

  /** Sends a JSON merge patch (RFC 7396, as the OKE yaml declares) and returns the status; a non-2xx status throws OkeHttpError. */
  async patch(path: string, body: unknown): Promise<number> {
    const url = this.url(path);
    const response = await this.send('PATCH', url, JSON.stringify(body), 'application/merge-patch+json');
    // Drain the body so the connection can be reused.
    await response.arrayBuffer();
    return response.status;
  }

  private async readJson(url: string, response: Response): Promise<unknown> {
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      const contentType = response.headers.get('content-type') ?? 'no content type';
      throw new OkeFormatError(this.endpoint.name, url, `the body is not JSON (${contentType})`);
    }
  }

  private async send(method: string, url: string, body?: string, contentType = 'application/json'): Promise<Response> {
    let response = await this.sendOnce(method, url, body, contentType, await this.accessToken(false));
    if (response.status === 401) {
      // The token may have been revoked or expired early: refresh once, then retry once.
      await response.arrayBuffer();
      this.log.info({ endpoint: this.endpoint.name, method, url }, 'request returned 401, refreshing the token');
      response = await this.sendOnce(method, url, body, contentType, await this.accessToken(true));
    }
    if (!response.ok) throw await this.toHttpError(method, url, response);
    return response;
  }

  private async sendOnce(method: string, url: string, body: string | undefined, contentType: string, token: string): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = contentType;
    const started = this.now();
    try {
      const response = await this.fetch(url, { method, headers, body, signal: AbortSignal.timeout(this.timeoutMs) });
      this.log.debug({ endpoint: this.endpoint.name, method, url, status: response.status, ms: this.now() - started }, 'oke request');
      return response;
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      this.log.warn({ endpoint: this.endpoint.name, method, url, timedOut, err: (error as Error).message }, 'oke request failed');
      throw new OkeNetworkError(this.endpoint.name, method, url, timedOut, { cause: error });
    }
  }

  private async toHttpError(method: string, url: string, response: Response): Promise<OkeHttpError> {
    let title = response.statusText;
    let detail = '';
    try {
      const body = (await response.json()) as { title?: unknown; detail?: unknown };
      if (typeof body.title === 'string') title = body.title;
      if (typeof body.detail === 'string') detail = body.detail;
    } catch {
      // Not an OOAPI error body; the status line is all there is.
    }
    const retryAfter = Number(response.headers.get('retry-after'));
    const error = new OkeHttpError(
      this.endpoint.name,
      method,
      url,
      response.status,
      title,
      detail,
      Number.isFinite(retryAfter) && retryAfter >= 0 && response.headers.has('retry-after') ? retryAfter : null,
    );
    this.log.warn({ endpoint: this.endpoint.name, method, url, status: response.status, title, detail }, 'oke request rejected');
    return error;
  }

  private async accessToken(forceRefresh: boolean): Promise<string> {
    if (!forceRefresh && this.token && this.token.expiresAt - tokenExpiryMarginMs > this.now()) return this.token.value;

    const { tokenUrl, clientId, clientSecret, scope } = this.endpoint;
    const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');
    let response: Response;
    try {
      response = await this.fetch(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', authorization: `Basic ${basic}` },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope }).toString(),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      this.log.warn({ endpoint: this.endpoint.name, tokenUrl, timedOut }, 'token request failed');
      throw new OkeNetworkError(this.endpoint.name, 'POST', tokenUrl, timedOut, { cause: error });
    }

    const text = await response.text();
    let body: { access_token?: unknown; expires_in?: unknown; error?: unknown } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      if (response.ok) throw new OkeFormatError(this.endpoint.name, tokenUrl, 'the token response is not JSON');
    }
    if (!response.ok) {
      const oauthError = typeof body.error === 'string' ? body.error : '';
      this.log.warn({ endpoint: this.endpoint.name, tokenUrl, status: response.status, oauthError }, 'token request rejected');
      throw new OkeTokenError(this.endpoint.name, tokenUrl, response.status, oauthError);
    }
    if (typeof body.access_token !== 'string' || body.access_token === '') {
      throw new OkeFormatError(this.endpoint.name, tokenUrl, 'the token response has no access_token');
    }

    // RFC 6749 makes expires_in optional; without it the token is used for one minute.
    const lifetimeSeconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60;
    this.token = { value: body.access_token, expiresAt: this.now() + lifetimeSeconds * 1000 };
    this.log.info({ endpoint: this.endpoint.name, expiresInSeconds: lifetimeSeconds }, 'access token obtained');
    return this.token.value;
  }
}
