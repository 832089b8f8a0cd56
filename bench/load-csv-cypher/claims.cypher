// LOAD CSV baseline (bench/scale.bench.ts): the bulk path's CSV file of the same name, loaded server-side into an
// empty database with the schema applied. $url: where the server fetches the file; $delim: the array delimiter.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  CREATE (:Claim {id: row.`id:ID(Claim)`, key: row.key, predicate: row.predicate, subject: row.subject,
                  object: row.object, modality: row.modality, attributedTo: row.attributedTo, time: row.time,
                  confidence: toFloat(row.`confidence:double`), items: coalesce(split(row.`items:string[]`, $delim), []),
                  document: row.document, seen: row.seen})
} IN TRANSACTIONS OF 10000 ROWS
