// name: partners
// answers: Who does an actor deal with, by kind of relation? Its counterparts grouped by relationship type and
//   direction (e.g. whom Iran supplies, who supplies Iran, whom it meets), strongest first.
// params: $actor (string, 'IRN') entity id
// params: $types (list|null, ["SUPPLIES", "SUPPORTS"], default: null) relationship types; null for all
// returns: predicate, direction ('out', 'in', 'both' for symmetric types), partners (list of {id, name, type,
//   evidence}), evidence (total)
MATCH (a:Entity {id: $actor})-[r]-(b:Entity)
WHERE $types IS NULL OR type(r) IN $types
WITH type(r) AS predicate,
     CASE
       WHEN type(r) IN ['MEETS', 'COOPERATES_WITH', 'ALLIED_WITH', 'SIGNS_AGREEMENT'] THEN 'both'
       WHEN startNode(r) = a THEN 'out'
       ELSE 'in'
     END AS direction, b, r
ORDER BY r.evidenceCount DESC, b.id
RETURN predicate, direction,
       collect({id: b.id, name: b.name, type: b.type, evidence: r.evidenceCount}) AS partners,
       sum(r.evidenceCount) AS evidence
ORDER BY evidence DESC, predicate, direction
