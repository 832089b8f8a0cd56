// name: document-relations
// answers: What does one article say? Every claim a document contributes, in reading order, with its sentence —
//   for checking an ingest or citing an article's content.
// params: $document (string, '619f805b42000d02') document id (see `geokg stats` or MATCH (d:Document) RETURN d.id)
// returns: document, title, subject, predicate, object, modality, attributedTo, time, sentence, start
MATCH (d:Document {id: $document})<-[:IN_DOCUMENT]-(c:Claim)
MATCH (c)-[:SUBJECT]->(s:Entity)
MATCH (c)-[:OBJECT]->(o:Entity)
OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(t:Sentence)
RETURN d.id AS document, d.title AS title, s.id AS subject, c.predicate AS predicate, o.id AS object,
       c.modality AS modality, c.attributedTo AS attributedTo, c.time AS time, t.text AS sentence, t.start AS start
ORDER BY start, predicate, subject, object
