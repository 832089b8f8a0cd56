// name: provenance
// answers: Why does the graph say this? From one relationship (subject, predicate, object) to every sentence that
//   supports it and the document it comes from — the provenance of a triple. Symmetric types (MEETS,
//   COOPERATES_WITH, ALLIED_WITH, SIGNS_AGREEMENT) are found whichever way round the endpoints are given.
// params: $subject (string, 'IRN') entity id
// params: $predicate (string, 'SUPPLIES') relationship type
// params: $object (string, 'RUS') entity id
// returns: modality, attributedTo, time, sentence, start, end (character offsets in the cleaned document text),
//   document, source, title, published
MATCH (a:Entity {id: $subject})-[r]-(b:Entity {id: $object})
WHERE type(r) = $predicate
  AND (startNode(r) = a OR type(r) IN ['MEETS', 'COOPERATES_WITH', 'ALLIED_WITH', 'SIGNS_AGREEMENT'])
MATCH (c:Claim {key: r.key})-[:EVIDENCED_BY]->(s:Sentence)-[:IN_DOCUMENT]->(d:Document)
RETURN c.modality AS modality, c.attributedTo AS attributedTo, c.time AS time, s.text AS sentence,
       s.start AS start, s.end AS end, d.id AS document, d.source AS source, d.title AS title,
       d.published AS published
ORDER BY document, start
