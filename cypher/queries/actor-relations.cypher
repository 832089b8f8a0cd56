// name: actor-relations
// answers: Everything the graph says about one actor: each relationship it takes part in (either direction), with
//   the supporting sentences, their documents and the modalities of the claims.
// params: $actor (string, 'IRN') entity id
// returns: actor, direction ('out', 'in', or 'both' for symmetric types), predicate, other, otherName, otherType,
//   evidence, modalities, sentences, documents, firstSeen, lastSeen
MATCH (a:Entity {id: $actor})-[r]-(b:Entity)
CALL (r) {
  MATCH (c:Claim {key: r.key})-[:EVIDENCED_BY]->(s:Sentence)-[:IN_DOCUMENT]->(d:Document)
  RETURN collect(DISTINCT s.text) AS sentences, collect(DISTINCT d.id) AS documents
}
RETURN a.id AS actor,
       CASE
         WHEN type(r) IN ['MEETS', 'COOPERATES_WITH', 'ALLIED_WITH', 'SIGNS_AGREEMENT'] THEN 'both'
         WHEN startNode(r) = a THEN 'out'
         ELSE 'in'
       END AS direction,
       type(r) AS predicate, b.id AS other, b.name AS otherName, b.type AS otherType, r.evidenceCount AS evidence,
       r.modalities AS modalities, sentences, documents, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen
ORDER BY evidence DESC, predicate, other
