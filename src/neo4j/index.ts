// Public API of the local Neo4j control: start/stop/status of the embedded server and its jar resolution.
// The CLI (src/cli/neo4j.ts) and the test harness (tests/setup) import from here.

export {
  DEFAULT_BOLT_PORT,
  DEFAULT_HEAP,
  DEFAULT_PAGE_CACHE,
  defaultDataDir,
  geokgHome,
  isProcessAlive,
  localNeo4jStatus,
  startLocalNeo4j,
  stopLocalNeo4j,
  type LocalNeo4j,
  type Neo4jStatus,
  type PidRecord,
  type StartOptions,
} from './local.js';
export { ensureJars, jarsResolved, neo4jVersion, NEO4J_LIB_DIR } from './jars.js';
export { boltHandshake, freePort, isPortFree } from './net.js';
