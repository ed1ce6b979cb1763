import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { schemaSdl } from '../src/graphql/schema';

schemaSdl().then((sdl) => {
  writeFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), sdl);
  console.log('wrote schema/schema.graphql');
});
