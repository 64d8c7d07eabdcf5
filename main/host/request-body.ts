import type { IncomingMessage } from 'node:http';

/** The request body is larger than the server accepts. */
export class RequestBodyTooLarge extends Error {
  override name = 'RequestBodyTooLarge';
}

/** Reads a request body as UTF-8 text, and stops reading once it exceeds `maxBytes`. */
export function readRequestBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new RequestBodyTooLarge(`the request body exceeds ${maxBytes} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
