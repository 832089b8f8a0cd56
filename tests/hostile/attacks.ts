// The audit's attack list, shared by the store-level guard tests and the served hostile-request tests.
// Each entry must be refused (LOAD CSV, admin commands, procedures) or bounded (result bombs).

/** Spellings of LOAD CSV that a regular expression over the text misses or that hide in subqueries. */
export const LOAD_CSV_SPELLINGS = [
  "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
  "LOAD/**/CSV FROM 'file:///etc/passwd' AS l RETURN l",
  "LOAD // comment\nCSV FROM 'file:///proc/self/environ' AS l RETURN l",
  "load csv with headers from 'http://127.0.0.1:9/x' as l return l",
  "CALL { LOAD\tCSV FROM 'file:///etc/hostname' AS l RETURN l } RETURN l",
];

/** Administration commands and procedures outside the allow-list (one of these killed a running ingest). */
export const ADMIN_COMMANDS = [
  'SHOW TRANSACTIONS',
  "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
  'SHOW SETTINGS',
  'SHOW DATABASES',
  'CALL dbms.listConfig()',
  'CALL dbms.listConnections()',
  'CALL db.clearQueryCaches()',
  'CALL tx.setMetaData({a: 1})',
  'CALL db.ping()',
];

/** Results that ran the server's heap to 4 GB or blocked it for minutes. */
export const RESULT_BOMBS = [
  'UNWIND range(1, 1000) AS x RETURN x, range(1, 100000) AS big',
  'RETURN range(1, 20000000) AS big',
];

/** Burns the database until the time limit stops it: it returns one number, so it costs the client nothing. */
export const CPU_BURNER = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)';

/** The served tests' Cypher limits (`serve(…, { limits })`) as store.query options, for the baseline process. */
export const HOSTILE_LIMITS = { timeoutMs: 4000, maxRows: 1000, maxBytes: 4 * 1024 * 1024 };
