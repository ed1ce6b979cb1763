/**
 * GET /export/{gaps|indicators}.{xlsx|csv}?county=500231[&asOf=YYYY-MM-DD][&onlyUnmet=true]: the export of a county as
 * a file, with the same Authorization header and the same scope rules as /graphql (its transaction is under the
 * caller's Row Level Security). Errors answer JSON in the shape of GraphQL's: 401 UNAUTHENTICATED, 400 BAD_USER_INPUT,
 * 403 FORBIDDEN (ENTERPRISE callers: county-wide data), 404 NOT_FOUND (no such county among the caller's counties,
 * whether it exists or not), 405 for another method.
 */
import { GraphQLError } from 'graphql';
import http from 'node:http';
import { Authenticate } from '../auth/authenticate';
import { Principal } from '../auth/principal';
import { InvalidCredentials } from '../auth/tokens';
import { Context } from '../graphql/context';
import { EXPORT_KINDS, exportTable, ExportKind } from './export-tables';
import { contentDisposition, CONTENT_TYPES, EXPORT_FORMATS, ExportFormat, render } from './formats';

export const EXPORT_PATH = /^\/export\/([a-z]+)\.([a-z]+)$/;

export interface ExportHttpOptions {
  authenticate: Authenticate;
  /** the request's context for a caller (src/graphql/server.ts createContext: the same transaction set-up as /graphql) */
  context: (principal: Principal) => Context;
}

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
};

function answerError(response: http.ServerResponse, code: string, message: string, headers: Record<string, string> = {}): void {
  response
    .writeHead(STATUS[code] ?? 400, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers })
    .end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** Answers an /export/ request. Errors other than the caller's (the database away, a bug) are thrown to the HTTP handler. */
export async function handleExportRequest(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  url: URL,
  options: ExportHttpOptions,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    answerError(response, 'METHOD_NOT_ALLOWED', 'exports are read with GET', { allow: 'GET, HEAD' });
    return;
  }
  let principal: Principal;
  try {
    principal = await options.authenticate(request.headers.authorization);
  } catch (error) {
    if (!(error instanceof InvalidCredentials)) throw error;
    answerError(response, 'UNAUTHENTICATED', `Unauthenticated: ${error.message}`, { 'www-authenticate': 'Bearer, ApiKey' });
    return;
  }
  const match = EXPORT_PATH.exec(url.pathname);
  const [kind, format] = match ? [match[1], match[2]] : [null, null];
  if (!kind || !(EXPORT_KINDS as readonly string[]).includes(kind) || !(EXPORT_FORMATS as readonly string[]).includes(format!)) {
    answerError(
      response,
      'NOT_FOUND',
      `no export at ${url.pathname}: /export/gaps.xlsx, /export/gaps.csv, /export/indicators.xlsx or /export/indicators.csv`,
    );
    return;
  }
  const county = url.searchParams.get('county');
  if (!county) {
    answerError(response, 'BAD_USER_INPUT', 'county: is required, e.g. ?county=500231');
    return;
  }
  const onlyUnmet = url.searchParams.get('onlyUnmet');
  if (onlyUnmet !== null && !['true', 'false'].includes(onlyUnmet)) {
    answerError(response, 'BAD_USER_INPUT', `onlyUnmet: must be true or false, got "${onlyUnmet}"`);
    return;
  }

  const ctx = options.context(principal);
  let body: Buffer;
  let disposition: string;
  try {
    const table = await exportTable(ctx, {
      countyCode: county,
      kind: kind as ExportKind,
      asOf: url.searchParams.get('asOf'),
      onlyUnmet: onlyUnmet === 'true',
    });
    body = await render(table, format as ExportFormat);
    disposition = contentDisposition(table, format as ExportFormat);
    await ctx.db.finish(true);
  } catch (error) {
    await ctx.db.finish(false).catch(() => undefined);
    if (error instanceof GraphQLError && typeof error.extensions?.code === 'string' && error.extensions.code in STATUS) {
      answerError(response, error.extensions.code, error.message);
      return;
    }
    throw error;
  }
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[format as ExportFormat],
    'content-disposition': disposition,
    'content-length': String(body.length),
    'cache-control': 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}
