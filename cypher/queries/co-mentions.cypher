// name: co-mentions
// answers: Who appears in the same articles as an actor, and is there an extracted relation between them? Entities
//   ranked by the number of documents mentioning both — a way to find connections the text implies but no pattern
//   captured (related = false).
// params: $actor (string, 'IRN') entity id
// params: $type (string|null, 'Country', default: null) only co-mentioned entities of this type; null for all
// params: $limit (integer, 25, default: 25) most entities returned
// returns: id, name, type, documents (mentioning both), related (a direct relationship exists), predicates
MATCH (a:Entity {id: $actor})<-[:MENTIONS]-(d:Document)-[:MENTIONS]->(b:Entity)
WHERE b <> a AND ($type IS NULL OR b.type = $type)
WITH a, b, count(DISTINCT d) AS documents
ORDER BY documents DESC, b.id
LIMIT $limit
CALL (a, b) {
  OPTIONAL MATCH (a)-[r]-(b)
  WITH DISTINCT type(r) AS t ORDER BY t
  RETURN collect(t) AS predicates
}
RETURN b.id AS id, b.name AS name, b.type AS type, documents, size(predicates) > 0 AS related, predicates
ORDER BY documents DESC, related, id
