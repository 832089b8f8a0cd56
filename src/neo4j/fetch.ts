// Resolves the local Neo4j's jars without loading the rest of the CLI: `npx tsx src/neo4j/fetch.ts`.
// CI runs this before the tests, so a broken command module elsewhere cannot stop Neo4j from being prepared.

import { ensureJars, neo4jVersion } from './jars.js';

try {
  const lib = await ensureJars((message) => process.stderr.write(`${message}\n`));
  process.stdout.write(`Neo4j ${neo4jVersion()} jars ready in ${lib}\n`);
} catch (err) {
  process.stderr.write(`geokg: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
