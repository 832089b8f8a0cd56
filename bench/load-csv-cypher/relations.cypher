// LOAD CSV baseline (bench/scale.bench.ts): the bulk path's CSV file of the same name, loaded server-side into an
// empty database with the schema applied. $url: where the server fetches the file; $delim: the array delimiter.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MATCH (a:Entity {id: row.`:START_ID(Entity)`})
  MATCH (b:Entity {id: row.`:END_ID(Entity)`})
  CREATE (a)-[:$(row.`:TYPE`) {key: row.key, evidenceCount: toInteger(row.`evidenceCount:long`),
      documentCount: toInteger(row.`documentCount:long`),
      modalities: coalesce(split(row.`modalities:string[]`, $delim), []),
      items: coalesce(split(row.`items:string[]`, $delim), []),
      times: coalesce(split(row.`times:string[]`, $delim), []),
      firstSeen: row.firstSeen, lastSeen: row.lastSeen, confidence: toFloat(row.`confidence:double`)}]->(b)
} IN TRANSACTIONS OF 10000 ROWS
