/**
 * OAuth2 client credentials for the counterpart's token endpoint, and bearer
 * token checks for the OOAPI routes. Tokens are opaque random strings kept in
 * memory. Revoking drops them all, so a client's refresh on 401 can be tested.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

import { ROLES } from './config';

export interface TokenResponse {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export type BearerCheck = { ok: true; clientId: string } | { ok: false; status: 401 | 403; detail: string };

interface IssuedToken {
  clientId: string;
  scopes: string[];
  expiresAt: number;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function oauthError(status: number, error: string, description: string): TokenResponse {
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (status === 401) headers['www-authenticate'] = 'Basic realm="oke-counterpart"';
  return { status, headers, body: { error, error_description: description } };
}

export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Handles `POST /oauth/token` with a form-encoded body and an optional HTTP Basic header. */
  issue(form: URLSearchParams, authorization: string | undefined): TokenResponse {
    if (form.get('grant_type') !== 'client_credentials') {
      return oauthError(400, 'unsupported_grant_type', 'grant_type must be client_credentials');
    }

    let clientId = form.get('client_id') ?? '';
    let clientSecret = form.get('client_secret') ?? '';
    if (authorization?.toLowerCase().startsWith('basic ')) {
      const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
      const separator = decoded.indexOf(':');
      if (separator < 0) return oauthError(401, 'invalid_client', 'the Basic credentials have no colon');
      // RFC 6749 section 2.3.1 form-encodes id and secret before Basic encoding.
      clientId = decodeURIComponent(decoded.slice(0, separator).replace(/\+/g, ' '));
      clientSecret = decodeURIComponent(decoded.slice(separator + 1).replace(/\+/g, ' '));
    }

    const role = Object.values(ROLES).find((candidate) => candidate.clientId === clientId);
    if (!role || !sameText(role.clientSecret, clientSecret)) return oauthError(401, 'invalid_client', 'unknown client or wrong secret');

    const requested = (form.get('scope') ?? role.scope).split(' ').filter((scope) => scope !== '');
    if (requested.some((scope) => scope !== role.scope)) {
      return oauthError(400, 'invalid_scope', `client ${clientId} may only request ${role.scope}`);
    }

    const accessToken = randomBytes(24).toString('base64url');
    this.tokens.set(accessToken, { clientId, scopes: [role.scope], expiresAt: this.now() + this.ttlSeconds * 1000 });
    return {
      status: 200,
      headers: { 'cache-control': 'no-store' },
      body: { access_token: accessToken, token_type: 'Bearer', expires_in: this.ttlSeconds, scope: role.scope },
    };
  }

  /** Checks an `Authorization: Bearer` header against the scope a role requires. */
  check(authorization: string | undefined, requiredScope: string): BearerCheck {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return { ok: false, status: 401, detail: 'The request has no bearer token.' };

    const token = this.tokens.get(match[1] as string);
    if (!token) return { ok: false, status: 401, detail: 'The bearer token is unknown or revoked.' };
    if (token.expiresAt <= this.now()) {
      this.tokens.delete(match[1] as string);
      return { ok: false, status: 401, detail: 'The bearer token has expired.' };
    }
    if (!token.scopes.includes(requiredScope)) {
      return { ok: false, status: 403, detail: `The token lacks the scope ${requiredScope}.` };
    }
    return { ok: true, clientId: token.clientId };
  }

  revokeAll(): number {
    const count = this.tokens.size;
    this.tokens.clear();
    return count;
  }
}
