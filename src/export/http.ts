/**
 * GET /export/{gaps|indicators|support|alerts|candidates}.{xlsx|csv}?county=500231[&asOf=YYYY-MM-DD][&onlyUnmet=true]
 * [&year=2024][&measure=(五)] (support)[&withinDays=N] (alerts)[&horizonDays=N] (candidates): the export of a county as
 * a file (?report=<id> instead of county: a published report's gaps or indicators, from its frozen rows,
 * src/report/report-export.ts), with the same Authorization header and the same scope rules as /graphql (its transaction is under the
 * caller's Row Level Security). Errors answer JSON in the shape of GraphQL's: 401 UNAUTHENTICATED and 405 for another method
 * (the HTTP front), 400 BAD_USER_INPUT, 403 FORBIDDEN (ENTERPRISE callers: county-wide data), 404 NOT_FOUND (no such
 * county among the caller's counties, whether it exists or not).
 */
import { GraphQLError } from 'graphql';
import http from 'node:http';
import { Principal } from '../auth/principal';
import { Context } from '../graphql/context';
import { badUserInput, ERROR_STATUS, notFound } from '../graphql/errors';
import { sendError } from '../http/answers';
import { EXPORT_KINDS, exportTable, ExportKind } from './export-tables';
import { exportReportTable } from '../report/report-export';
import { contentDisposition, CONTENT_TYPES, EXPORT_FORMATS, ExportFormat, render } from './formats';

export const EXPORT_PATH = /^\/export\/([a-z]+)\.([a-z]+)$/;

/** The request's context for a caller (src/graphql/context.ts createContext: the same transaction set-up as /graphql). */
export type ExportContext = (principal: Principal) => Context;

/** The codes of the caller's own errors, answered with their status; anything else is thrown to the HTTP front. */
const CALLER_ERRORS = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND']);

/**
 * Answers an /export/ request of an authenticated caller (GET or HEAD: src/http/routes.ts). Errors other than the
 * caller's (the database away, a bug) are thrown to the HTTP front.
 */
export function exportHandler(context: ExportContext) {
  return async (request: http.IncomingMessage, response: http.ServerResponse, url: URL, principal: Principal): Promise<void> => {
    const match = EXPORT_PATH.exec(url.pathname);
    const [kind, format] = match ? [match[1], match[2]] : [null, null];
    if (!kind || !(EXPORT_KINDS as readonly string[]).includes(kind) || !(EXPORT_FORMATS as readonly string[]).includes(format!)) {
      sendError(
        response,
        notFound(
          `no export at ${url.pathname}: /export/gaps.xlsx, /export/gaps.csv, /export/indicators.xlsx, /export/indicators.csv, /export/support.xlsx, /export/support.csv, /export/alerts.xlsx, /export/alerts.csv, /export/candidates.xlsx or /export/candidates.csv`,
        ),
      );
      return;
    }
    const county = url.searchParams.get('county');
    const report = url.searchParams.get('report');
    if (!county && report === null) {
      sendError(response, badUserInput('county', 'is required, e.g. ?county=500231'));
      return;
    }
    const onlyUnmet = url.searchParams.get('onlyUnmet');
    if (onlyUnmet !== null && !['true', 'false'].includes(onlyUnmet)) {
      sendError(response, badUserInput('onlyUnmet', `must be true or false, got "${onlyUnmet}"`));
      return;
    }

    if (report !== null && (kind === 'alerts' || kind === 'candidates')) {
      sendError(response, badUserInput('report', `a published report holds the gaps and indicators, not the ${kind}`));
      return;
    }
    const daysParameter = kind === 'alerts' ? 'withinDays' : 'horizonDays';
    const daysText = kind === 'alerts' || kind === 'candidates' ? url.searchParams.get(daysParameter) : null;
    if (daysText !== null && !/^\d{1,4}$/.test(daysText)) {
      sendError(response, badUserInput(daysParameter, `must be a whole number of days, got "${daysText}"`));
      return;
    }
    const year = url.searchParams.get('year');
    if (year !== null && !/^\d{4}$/.test(year)) {
      sendError(response, badUserInput('year', `must be a year such as 2024, got "${year}"`));
      return;
    }

    const ctx = context(principal);
    let body: Buffer;
    let disposition: string;
    try {
      const table =
        report !== null
          ? await exportReportTable(ctx, report, kind as ExportKind)
          : await exportTable(ctx, {
              countyCode: county!,
              kind: kind as ExportKind,
              asOf: url.searchParams.get('asOf'),
              onlyUnmet: onlyUnmet === 'true',
              days: daysText === null ? null : Number(daysText),
              year: year === null ? null : Number(year),
              measure: url.searchParams.get('measure'),
            });
      body = await render(table, format as ExportFormat);
      disposition = contentDisposition(table, format as ExportFormat);
      await ctx.db.finish(true);
    } catch (error) {
      await ctx.db.finish(false).catch(() => undefined);
      if (error instanceof GraphQLError && CALLER_ERRORS.has(String(error.extensions?.code))) {
        sendError(response, error, {}, ERROR_STATUS[error.extensions.code as keyof typeof ERROR_STATUS]);
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
  };
}
