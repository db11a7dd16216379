// Writes the JSON Schema (draft 2020-12) of every record kind to docs/schemas/, from the zod
// schemas of @ansinh/core. Run it after changing a schema: `pnpm schemas`. A test fails while the
// committed files differ from what this would write.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// Relative import: the workspace root is not a package that depends on @ansinh/core.
import { exportJsonSchemas } from '../packages/core/src/index.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'schemas');
await mkdir(dir, { recursive: true });
const files = exportJsonSchemas();
// Files of kinds that no longer exist must not linger.
for (const name of await readdir(dir)) {
  if (name.endsWith('.json') && !files.has(name)) await rm(join(dir, name));
}
for (const [name, text] of files) await writeFile(join(dir, name), text);
process.stdout.write(`wrote ${files.size} files to ${dir}\n`);
