// name: shortest-paths
// answers: How are two actors connected? The shortest chains of direct relationships (any ontology type, either
//   direction, at most 6 hops) between them — e.g. a head of state, their country, a partner and an organisation.
//   Parallel relationships between the same two entities are one step, listing all their types.
// params: $from (string, 'person:vladimir-putin') entity id
// params: $to (string, 'org:brics') entity id
// params: $limit (integer, 10, default: 10) most paths returned
// returns: hops, path (entity ids in order), names, steps (per hop, the relationship types linking the two
//   entities), evidence (sum over the steps), weakest (smallest evidence of any step: how solid the chain is)
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
WHERE a <> b
MATCH p = allShortestPaths((a)-[:HEAD_OF_STATE|HEAD_OF_GOVERNMENT|OFFICIAL_OF|AFFILIATED_WITH|MEMBER_OF|LOCATED_IN|CITIZEN_OF|MEETS|COOPERATES_WITH|ALLIED_WITH|SIGNS_AGREEMENT|SUPPLIES|SUPPORTS|INVITES|CRITICIZES|THREATENS|SANCTIONS|ATTACKS*..6]-(b))
WITH DISTINCT nodes(p) AS ns
CALL (ns) {
  UNWIND range(0, size(ns) - 2) AS i
  WITH i, ns[i] AS x, ns[i + 1] AS y
  MATCH (x)-[r]-(y)
  WITH i, collect(DISTINCT type(r)) AS types, sum(r.evidenceCount) AS ev
  ORDER BY i
  RETURN collect(types) AS steps, collect(ev) AS stepEvidence
}
RETURN size(ns) - 1 AS hops, [n IN ns | n.id] AS path, [n IN ns | n.name] AS names, steps,
       reduce(t = 0, e IN stepEvidence | t + e) AS evidence,
       reduce(m = stepEvidence[0], e IN stepEvidence | CASE WHEN e < m THEN e ELSE m END) AS weakest
ORDER BY weakest DESC, evidence DESC
LIMIT $limit
