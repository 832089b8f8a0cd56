// name: top-actors
// answers: Who are the central actors? Entities ranked by the number of distinct counterparts they have direct
//   relationships with (degree), then by the evidence behind those relationships. Optionally one entity type.
// params: $type (string|null, 'Country', default: null) entity type (Country, Person, Organization, ArmedGroup,
//   Location, Item); null for all
// params: $limit (integer, 20, default: 20) most actors returned
// returns: id, name, type, partners (distinct counterparts), relationships, evidence, predicates
MATCH (a:Entity)-[r]-(b:Entity)
WHERE $type IS NULL OR a.type = $type
WITH a, count(DISTINCT b) AS partners, count(DISTINCT r) AS relationships, collect(r) AS rels
RETURN a.id AS id, a.name AS name, a.type AS type, partners, relationships,
       reduce(t = 0, r IN rels | t + r.evidenceCount) AS evidence,
       reduce(acc = [], r IN rels | CASE WHEN type(r) IN acc THEN acc ELSE acc + type(r) END) AS predicates
ORDER BY partners DESC, evidence DESC, id
LIMIT $limit
