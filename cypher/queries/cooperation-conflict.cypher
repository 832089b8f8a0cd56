// name: cooperation-conflict
// answers: Is a relationship between two actors mostly cooperative or mostly hostile? CAMEO-style balance per dyad:
//   evidence for cooperative types (MEETS, COOPERATES_WITH, ALLIED_WITH, SIGNS_AGREEMENT, SUPPLIES, SUPPORTS,
//   INVITES) against conflict types (ATTACKS, THREATENS, SANCTIONS, CRITICIZES); balance runs from -1 (only
//   conflict) to +1 (only cooperation). Optionally only the dyads of one actor.
// params: $actor (string|null, 'RUS', default: null) only dyads this entity id is part of; null for all
// params: $limit (integer, 50, default: 50) most dyads returned
// returns: a, aName, b, bName, cooperation (evidence count), conflict (evidence count), balance,
//   cooperativeTypes, conflictTypes
WITH ['MEETS', 'COOPERATES_WITH', 'ALLIED_WITH', 'SIGNS_AGREEMENT', 'SUPPLIES', 'SUPPORTS', 'INVITES'] AS coop,
     ['ATTACKS', 'THREATENS', 'SANCTIONS', 'CRITICIZES'] AS hostile
MATCH (x:Entity)-[r]->(y:Entity)
WHERE (type(r) IN coop OR type(r) IN hostile) AND ($actor IS NULL OR x.id = $actor OR y.id = $actor)
WITH coop, hostile, r, CASE WHEN x.id <= y.id THEN x ELSE y END AS a, CASE WHEN x.id <= y.id THEN y ELSE x END AS b
WITH a, b,
     sum(CASE WHEN type(r) IN coop THEN r.evidenceCount ELSE 0 END) AS cooperation,
     sum(CASE WHEN type(r) IN hostile THEN r.evidenceCount ELSE 0 END) AS conflict,
     collect(DISTINCT CASE WHEN type(r) IN coop THEN type(r) END) AS cooperativeTypes,
     collect(DISTINCT CASE WHEN type(r) IN hostile THEN type(r) END) AS conflictTypes
RETURN a.id AS a, a.name AS aName, b.id AS b, b.name AS bName, cooperation, conflict,
       toFloat(cooperation - conflict) / (cooperation + conflict) AS balance, cooperativeTypes, conflictTypes
ORDER BY cooperation + conflict DESC, a, b
LIMIT $limit
