/**
 * How long importing an OpenAPI spec with 5,000 operations takes (issue 14: "large specs
 * imported without freezing the page"). Run: `node --import tsx bench/interop-openapi.ts`.
 * The app runs the import in a worker (src/services/import-worker.ts), so this is time the
 * page waits for the report, not time it is frozen.
 */
import { importOpenApi } from '../src/core/interop/openapi/import-openapi.ts';
import { treeToLibrary } from '../src/core/interop/to-library.ts';

const paths: Record<string, unknown> = {};
for (let i = 0; i < 2500; i++)
  paths[`/r${i}/{id}`] = {
    get: { tags: [`t${i % 50}`], operationId: `get${i}`, parameters: [{ $ref: '#/components/parameters/Id' }] },
    post: {
      tags: [`t${i % 50}`],
      operationId: `post${i}`,
      requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/S' } } } },
    },
  };
const spec = {
  openapi: '3.1.0',
  info: { title: 'big', version: '1' },
  paths,
  components: {
    parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'integer', example: 1 } } },
    schemas: { S: { type: 'object', properties: { a: { type: 'string' }, b: { $ref: '#/components/schemas/S' } } } },
  },
};
for (let run = 0; run < 3; run++) {
  const t0 = performance.now();
  const r = importOpenApi(spec);
  const t1 = performance.now();
  if (!r.ok) throw new Error(r.message);
  treeToLibrary(r.collection, { newCollection: 'big' }, Date.now());
  const t2 = performance.now();
  console.log(`5,000 operations: import ${(t1 - t0).toFixed(0)} ms, to library records ${(t2 - t1).toFixed(0)} ms`);
}
