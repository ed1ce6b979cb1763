import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Bundles the explorer (src/explorer/browser/, GraphiQL from the `graphiql` package) into `outdir`: explorer.js and
 * explorer.css for the page, and the editor's three web workers. Everything the page needs is in these files (fonts
 * inlined), so it loads nothing from elsewhere. Run by `npm run build` (and so by `npm start`), into dist/explorer/.
 */
export async function buildExplorer(outdir: string): Promise<void> {
  // the checkout: above scripts/ (ts-node) or dist/scripts/ (compiled)
  let root = path.dirname(__dirname);
  while (!existsSync(path.join(root, 'package.json'))) root = path.dirname(root);
  const resolve = (module: string) => require.resolve(module, { paths: [root] });
  await build({
    absWorkingDir: root,
    entryPoints: {
      explorer: path.join(root, 'src', 'explorer', 'browser', 'explorer.tsx'),
      'editor.worker': resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
      'json.worker': resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
      'graphql.worker': path.join(path.dirname(resolve('monaco-graphql/package.json')), 'esm', 'graphql.worker.js'),
    },
    outdir,
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    jsx: 'automatic',
    loader: { '.ttf': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl' },
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'warning',
  });
}

if (require.main === module) {
  const outdir = path.resolve(process.argv[2] ?? path.join('dist', 'explorer'));
  const started = Date.now();
  buildExplorer(outdir).then(
    () => console.log(`built the explorer into ${path.relative(process.cwd(), outdir) || '.'} in ${Date.now() - started} ms`),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
