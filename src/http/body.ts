import http from 'node:http';
import { payloadTooLarge } from '../graphql/errors';

/** The largest request body read (a GraphQL document and its variables; imports send at most 1,000 rows a call). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The request's body as text. Past MAX_BODY_BYTES — announced by Content-Length, or counted while reading — throws
 * PAYLOAD_TOO_LARGE (413) without reading further.
 */
export async function readBody(request: http.IncomingMessage): Promise<string> {
  const announced = Number(request.headers['content-length']);
  if (Number.isFinite(announced) && announced > MAX_BODY_BYTES) throw payloadTooLarge(MAX_BODY_BYTES);
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw payloadTooLarge(MAX_BODY_BYTES);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
