import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { exampleOperations, operationsFolder } from '../graphql/operations';
import { ExplorerConfig } from './config';

/**
 * The explorer: GraphiQL, bundled at build time from the `graphiql` package (scripts/build-explorer.ts, into
 * dist/explorer/) and served by the server itself, so that nothing is loaded from elsewhere (a government intranet
 * reaches no CDN). One handler answers:
 *  - GET / and GET /graphql from a browser (Accept preferring HTML): the page, with the example operations of
 *    schema/operations/ as tabs and, on the embedded demo start, the demo token filled in for a browser on this machine;
 *  - GET /explorer/NAME: the bundle (script, stylesheet, the editor's workers);
 *  - GET /schema.graphql: the committed SDL, which the page uses where introspection is refused.
 * The page itself holds no data: the API's answers still need the caller's token or API key.
 */

export interface ExplorerOptions {
  /** the embedded demo start's token; null on any other start */
  demoToken?: string | null;
  /** the bundle's folder (default: dist/explorer of this checkout) */
  assetsDir?: string;
}

const ASSET_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** The page may load and contact this server only: a browser enforces what the bundle is built to do. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // the editor sets styles on its elements
  "style-src 'self' 'unsafe-inline'",
  // the editor's icon font and GraphiQL's fonts are inside the stylesheet
  "font-src 'self' data:",
  "img-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function checkoutRoot(): string {
  return path.dirname(path.dirname(operationsFolder()));
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** JSON inside a script element: `<` escaped, so that no text can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function page(config: ExplorerConfig): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphQL 浏览器 explorer · 高价值发明专利</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/explorer/explorer.css">
</head>
<body>
<div id="explorer"></div>
<script id="explorer-config" type="application/json">${scriptJson(config)}</script>
<script src="/explorer/explorer.js"></script>
</body>
</html>
`;
}

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>The explorer is not built</title></head>
<body><p>The explorer's bundle is missing: <code>npm run build</code> makes it (<code>npm start</code> does so first).</p></body>
</html>
`;

/** The explorer's one request handler (see the top of this file). */
export function explorerHandler(options: ExplorerOptions = {}) {
  const assetsDir = options.assetsDir ?? path.join(checkoutRoot(), 'dist', 'explorer');
  const sdl = readFileSync(path.join(checkoutRoot(), 'schema', 'schema.graphql'), 'utf8');
  const tabs = exampleOperations().map((operation) => ({
    name: operation.name,
    query: operation.document,
    variables: JSON.stringify(operation.variables, null, 2),
  }));

  return async (request: http.IncomingMessage, response: http.ServerResponse, { url }: { url: URL }): Promise<void> => {
    const security = { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' };
    if (url.pathname === '/schema.graphql') {
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache', ...security }).end(sdl);
      return;
    }
    if (url.pathname.startsWith('/explorer/')) {
      const name = url.pathname.slice('/explorer/'.length);
      const type = ASSET_TYPES[path.extname(name)];
      const file = path.join(assetsDir, name);
      if (!type || !/^[\w.-]+$/.test(name) || !existsSync(file)) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', ...security }).end(readFileSync(file));
      return;
    }
    const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...security };
    if (!existsSync(path.join(assetsDir, 'explorer.js'))) {
      response.writeHead(503, headers).end(NOT_BUILT);
      return;
    }
    // the demo token (ADMIN of every county) only to a browser on the machine the demo runs on
    const demoToken = options.demoToken && isLoopback(request.socket.remoteAddress) ? options.demoToken : null;
    response.writeHead(200, headers).end(page({ endpoint: '/graphql', schemaUrl: '/schema.graphql', demoToken, tabs }));
  };
}
