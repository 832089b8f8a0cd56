// Puts the hostile queries' load on Neo4j from a process of its own: the served test's baseline, so that what the
// database's own work costs other requests is measured apart from what the geokg server's handling would cost.

import { Neo4jStore } from '../../src/store/neo4j.js';
import { CPU_BURNER, HOSTILE_LIMITS, RESULT_BOMBS } from './attacks.js';

// Connected and warm first; the queries start on a line on stdin, and `done` is printed when all have been stopped.
const store = new Neo4jStore({
  uri: process.env.NEO4J_URI!,
  user: process.env.NEO4J_USER,
  password: process.env.NEO4J_PASSWORD,
});
await store.stats();
await store.query('RETURN 1', {}); // its Cypher worker started, as the served test's is by then
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  void Promise.all([...RESULT_BOMBS, CPU_BURNER].map((q) => store.query(q, {}, HOSTILE_LIMITS).catch(() => null)))
    .then(async (results) => {
      process.stdout.write(`done ${results.filter((r) => r === null).length}\n`);
      await store.close();
    })
    .finally(() => process.exit(0));
});
