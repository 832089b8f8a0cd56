// name: dyads
// answers: Which pairs of actors does the corpus talk about most? Unordered dyads ranked by the evidence behind all
//   their direct relationships, optionally restricted to some relationship types.
// params: $types (list|null, ["SUPPLIES", "ATTACKS"], default: null) relationship types to count; null for all
// params: $limit (integer, 25, default: 25) most dyads returned
// returns: a, aName, b, bName, evidence (claims over all their relationships), relationships, predicates, documents
MATCH (x:Entity)-[r]->(y:Entity)
WHERE $types IS NULL OR type(r) IN $types
WITH CASE WHEN x.id <= y.id THEN x ELSE y END AS a, CASE WHEN x.id <= y.id THEN y ELSE x END AS b, r
WITH a, b, sum(r.evidenceCount) AS evidence, count(r) AS relationships, collect(DISTINCT type(r)) AS predicates,
     collect(r.key) AS keys
ORDER BY evidence DESC, relationships DESC, a.id, b.id
LIMIT $limit
// Distinct documents only for the dyads kept: claims are looked up by key after the cut.
CALL (keys) {
  UNWIND keys AS k
  MATCH (c:Claim {key: k})
  RETURN count(DISTINCT c.document) AS documents
}
RETURN a.id AS a, a.name AS aName, b.id AS b, b.name AS bName, evidence, relationships, predicates, documents
ORDER BY evidence DESC, relationships DESC, a, b
