import './workers';
import 'graphiql/style.css';
import './explorer.css';
import { GraphiQL } from 'graphiql';
import { buildClientSchema, buildSchema, getIntrospectionQuery, GraphQLSchema, IntrospectionQuery } from 'graphql';
import { StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { authorizationOf, saveCredentials, savedCredentials } from './credentials';
import { tabStorage } from './tab-storage';
import type { ExplorerConfig } from '../config';

const config = JSON.parse(document.getElementById('explorer-config')!.textContent!) as ExplorerConfig;

type GraphQLAnswer = { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };

/** Posts an operation to the API with the credentials of the field; the headers editor's headers go on top. */
async function post(body: unknown, credentials: string, headers: Record<string, string> = {}): Promise<GraphQLAnswer> {
  const authorization = authorizationOf(credentials);
  const response = await fetch(config.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(authorization ? { authorization } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return (await response.json()) as GraphQLAnswer;
}

const storage = tabStorage(config.tabs[0]);

type Loaded = { schema: GraphQLSchema; from: 'introspection' | 'sdl' };

/** The schema by introspection; where that is refused (production, or no credentials yet), the committed SDL. */
async function loadSchema(credentials: string): Promise<Loaded> {
  try {
    const answer = await post({ query: getIntrospectionQuery(), operationName: 'IntrospectionQuery' }, credentials);
    if (answer.data && !answer.errors?.length)
      return { schema: buildClientSchema(answer.data as IntrospectionQuery), from: 'introspection' };
  } catch {
    // not JSON, or the network: the SDL below
  }
  const sdl = await fetch(config.schemaUrl).then((response) => response.text());
  return { schema: buildSchema(sdl), from: 'sdl' };
}

function Explorer() {
  const [credentials, setCredentials] = useState(() => savedCredentials() || config.demoToken || '');
  const current = useRef(credentials);
  current.current = credentials;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    saveCredentials(credentials);
  }, [credentials]);
  useEffect(() => {
    void loadSchema(current.current).then(setLoaded);
  }, []);

  return (
    <div className="hvp-explorer">
      <header className="hvp-bar">
        <strong>高价值发明专利 GraphQL</strong>
        <form className="hvp-credentials" onSubmit={(event) => event.preventDefault()}>
          <label>
            令牌或 API 密钥 Token or API key
            <input
              name="credentials"
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder="a JWT (sent as Bearer) or an API key (sent as ApiKey)"
              value={credentials}
              onChange={(event) => setCredentials(event.target.value)}
            />
          </label>
        </form>
        <span className="hvp-note" data-testid="schema-source">
          {loaded === null
            ? 'loading the schema…'
            : loaded.from === 'introspection'
              ? 'schema: introspection'
              : 'schema: schema/schema.graphql (introspection is off)'}
        </span>
        {config.demoToken && <span className="hvp-note">demo start: the demo token (ADMIN of every county) is filled in</span>}
      </header>
      {loaded && (
        <GraphiQL
          fetcher={(params, options) => post(params, current.current, options?.headers as Record<string, string> | undefined)}
          schema={loaded.schema}
          defaultTabs={config.tabs.map((tab) => ({ query: tab.query, variables: tab.variables }))}
          storage={storage}
          defaultEditorToolsVisibility="variables"
        />
      )}
    </div>
  );
}

createRoot(document.getElementById('explorer')!).render(
  <StrictMode>
    <Explorer />
  </StrictMode>,
);
