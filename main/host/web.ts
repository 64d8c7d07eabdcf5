/**
 * The web host: serves the screens and the API table over HTTP on 127.0.0.1
 * for a browser and for the end-to-end tests. Every API call needs the
 * per-run token: a bearer token made when the host starts and handed over in
 * the URL fragment, so it never reaches a server log. The Host header must
 * name the loopback address, which stops DNS-rebinding pages from calling it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Language } from '../contract/messages';
import type { Handlers } from '../api/handlers';
import { invokeApi } from '../api/invoke';
import type { Logger } from '../log/logger';
import { readRequestBody } from './request-body';

export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const maxBodyBytes = 1024 * 1024;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface WebHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface WebHostOptions {
  handlers: Handlers;
  port: number;
  language: Language;
  log: Logger;
  /** Folder with the built screens; defaults to dist/renderer beside this file. */
  rendererDir?: string;
}

function securityHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', contentSecurityPolicy);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const presented = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(32).toString('base64url');
  const rendererDir = options.rendererDir ?? join(__dirname, '..', '..', 'renderer');
  const { log } = options;
  let allowedHosts: Set<string> = new Set();

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : pathname.slice(1);
    const file = normalize(join(rendererDir, relative));
    if (!file.startsWith(rendererDir) || !contentTypes[extname(file)]) {
      sendJson(response, 404, { status: 404, title: 'Not Found' });
      return;
    }
    try {
      const content = await readFile(file);
      response.writeHead(200, { 'Content-Type': contentTypes[extname(file)]! });
      response.end(content);
    } catch {
      sendJson(response, 404, { status: 404, title: 'Not Found' });
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    securityHeaders(response);
    if (!allowedHosts.has(request.headers.host ?? '')) {
      log.warn({ host: request.headers.host }, 'web host request with a foreign Host header rejected');
      sendJson(response, 421, { status: 421, title: 'Misdirected Request' });
      return;
    }
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');

    if (pathname.startsWith('/api/')) {
      if (request.method !== 'POST') {
        response.setHeader('Allow', 'POST');
        sendJson(response, 405, { status: 405, title: 'Method Not Allowed' });
        return;
      }
      if (!tokenMatches(request.headers.authorization, token)) {
        log.warn({ path: pathname }, 'web host API request without a valid token rejected');
        sendJson(response, 401, { status: 401, title: 'Unauthorized' });
        return;
      }
      let input: unknown = {};
      try {
        const text = await readRequestBody(request, maxBodyBytes);
        input = text ? JSON.parse(text) : {};
      } catch (error) {
        sendJson(response, 400, { status: 400, title: 'Bad Request', detail: (error as Error).message });
        return;
      }
      const name = decodeURIComponent(pathname.slice('/api/'.length));
      const result = await invokeApi(options.handlers, name, input, { language: options.language, log });
      sendJson(response, 200, result);
      return;
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, { status: 405, title: 'Method Not Allowed' });
      return;
    }
    await serveStatic(pathname, response);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log.error({ err: error }, 'web host request failed');
      if (!response.headersSent) sendJson(response, 500, { status: 500, title: 'Internal Server Error' });
      else response.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  log.info({ port }, 'web host started');

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        log.info({ port }, 'web host stopped');
      }),
  };
}
