import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Role } from '../src/auth/principal';
import { InvalidCredentials } from '../src/auth/tokens';
import { prefers, Route, routeRequest } from '../src/http/routes';
import { principal } from './support/test-api';

/** The route table (src/http/routes.ts): routes as data, one authenticate-or-401, pages for browsers beside the API. */

const caller = principal({ role: Role.VIEWER, counties: ['500231'], sub: 'route-test' });
const authenticate = async (authorization: string | undefined) => {
  if (authorization !== 'Bearer good') throw new InvalidCredentials('the token signature is invalid');
  return caller;
};
const answer =
  (text: string): Route['handler'] =>
  async (_, response, { principal: who }) => {
    response.writeHead(200, { 'content-type': 'text/plain' }).end(`${text}${who ? ` for ${who.subject}` : ''}`);
  };
const ROUTES: Route[] = [
  { methods: ['GET'], path: '/graphql', accepts: 'text/html', authenticated: false, handler: answer('page') },
  { methods: ['GET', 'POST'], path: '/graphql', authenticated: true, handler: answer('api') },
  { methods: ['GET', 'HEAD'], path: '/export/', authenticated: true, handler: answer('file') },
];

let server: http.Server;
let base: string;
beforeAll(async () => {
  const route = routeRequest(ROUTES, authenticate);
  server = http.createServer((request, response) => void route(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const send = async (path: string, init: RequestInit = {}) => {
  const response = await fetch(`${base}${path}`, init);
  return { status: response.status, allow: response.headers.get('allow'), text: await response.text() };
};

describe('the route table', () => {
  it('authenticates the routes that need credentials, once, before their handler', async () => {
    expect(await send('/graphql', { headers: { authorization: 'Bearer good' } })).toMatchObject({
      status: 200,
      text: 'api for route-test',
    });
    const refused = await send('/export/gaps.csv', { headers: { authorization: 'Bearer bad' } });
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.text)).toEqual({
      errors: [{ message: 'Unauthenticated: the token signature is invalid', extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });

  it('sends a browser asking for HTML to the page, and every other client to the API', async () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    expect(await send('/graphql', { headers: { accept: browser } })).toMatchObject({ status: 200, text: 'page' });
    expect((await send('/graphql', { headers: { accept: '*/*' } })).status).toBe(401);
    expect((await send('/graphql', { method: 'POST', headers: { accept: browser } })).status).toBe(401);
  });

  it('answers 405 with Allow for a known path and another method, 404 for an unknown path', async () => {
    expect(await send('/export/gaps.csv', { method: 'POST' })).toMatchObject({ status: 405, allow: 'GET, HEAD' });
    expect(await send('/graphql', { method: 'PUT' })).toMatchObject({ status: 405, allow: 'GET, POST' });
    expect((await send('/nothing')).status).toBe(404);
  });
});

describe('prefers', () => {
  it.each([
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', true],
    ['text/html', true],
    ['*/*', false],
    ['application/json', false],
    ['application/graphql-response+json, application/json;q=0.9', false],
    ['text/html;q=0.5, application/json', false],
    [undefined, false],
  ])('Accept %s prefers text/html: %s', (accept, expected) => {
    expect(prefers(accept, 'text/html')).toBe(expected);
  });
});
