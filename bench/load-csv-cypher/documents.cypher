// LOAD CSV baseline (bench/scale.bench.ts): the bulk path's CSV file of the same name, loaded server-side into an
// empty database with the schema applied. $url: where the server fetches the file; $delim: the array delimiter.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  CREATE (:Document {id: row.`id:ID(Document)`, source: row.source, title: row.title, language: row.language,
                     published: row.published, ingestedAt: row.ingestedAt, text: row.text})
} IN TRANSACTIONS OF 5000 ROWS
