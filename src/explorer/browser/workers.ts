/**
 * The editor's web workers, bundled beside the page (scripts/build-explorer.ts) and served from /explorer/: GraphiQL's
 * own setups load them from a CDN or through a bundler's worker syntax. Imported first, before the editor starts.
 */
const WORKERS: Record<string, string> = { json: 'json.worker.js', graphql: 'graphql.worker.js' };

(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return new Worker(`/explorer/${WORKERS[label] ?? 'editor.worker.js'}`);
  },
};
