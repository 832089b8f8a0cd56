// LOAD CSV baseline (bench/scale.bench.ts): the bulk path's CSV file of the same name, loaded server-side into an
// empty database with the schema applied. $url: where the server fetches the file; $delim: the array delimiter.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  CREATE (:Sentence {id: row.`id:ID(Sentence)`, text: row.text, start: toInteger(row.`start:long`),
                     end: toInteger(row.`end:long`)})
} IN TRANSACTIONS OF 10000 ROWS
