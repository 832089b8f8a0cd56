// LOAD CSV baseline (bench/scale.bench.ts): the bulk path's CSV file of the same name, loaded server-side into an
// empty database with the schema applied. $url: where the server fetches the file; $delim: the array delimiter.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MATCH (a:Claim {id: row.`:START_ID(Claim)`})
  MATCH (b:Sentence {id: row.`:END_ID(Sentence)`})
  CREATE (a)-[:$(row.`:TYPE`)]->(b)
} IN TRANSACTIONS OF 10000 ROWS
