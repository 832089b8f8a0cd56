// LOAD CSV baseline (bench/scale.bench.ts): the bulk path's CSV file of the same name, loaded server-side into an
// empty database with the schema applied. $url: where the server fetches the file; $delim: the array delimiter.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MATCH (a:Document {id: row.`:START_ID(Document)`})
  MATCH (b:Entity {id: row.`:END_ID(Entity)`})
  CREATE (a)-[:$(row.`:TYPE`) {name: row.name, type: row.type,
      aliases: coalesce(split(row.`aliases:string[]`, $delim), []),
      searchKeys: coalesce(split(row.`searchKeys:string[]`, $delim), []),
      iso2: row.iso2, iso3: row.iso3, wikidata: row.wikidata}]->(b)
} IN TRANSACTIONS OF 10000 ROWS
