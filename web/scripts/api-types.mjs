// The TypeScript API types, generated from the server's contract (libs/adapters/http/openapi.json)
// with openapi-typescript. `node scripts/api-types.mjs` writes src/api/openapi.gen.ts;
// `--check` (run by `npm test`) fails when the committed file differs from a fresh generation, so
// the contract and the UI cannot change one without the other.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const contract = new URL('../../libs/adapters/http/openapi.json', import.meta.url);
const target = new URL('../src/api/openapi.gen.ts', import.meta.url);
const header =
  '// GENERATED from libs/adapters/http/openapi.json by web/scripts/api-types.mjs (openapi-typescript).\n' +
  '// Do not edit: change openapi.json, then run `npm run api:types`.\n\n';

const ast = await openapiTS(JSON.parse(await readFile(contract, 'utf8')));
const fresh = header + astToString(ast);

if (process.argv.includes('--check')) {
  const committed = await readFile(target, 'utf8').catch(() => '');
  if (committed !== fresh) {
    console.error(
      `${fileURLToPath(target)} is out of date with openapi.json: run \`npm run api:types\` in web/ and commit it.`,
    );
    process.exit(1);
  }
  console.log('api types: up to date with openapi.json');
} else {
  await writeFile(target, fresh);
  console.log(`wrote ${fileURLToPath(target)}`);
}
