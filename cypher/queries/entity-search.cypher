// name: entity-search
// answers: Which entity id do I use for a name? Looks names and aliases up in both languages, case- and
//   accent-insensitively, through the full-text index entity_search (Lucene syntax: "Peskow~" is fuzzy, "Put*" a
//   prefix).
// params: $q (string, 'Mischustin') search text
// params: $limit (integer, 10, default: 10) most hits returned
// returns: id, name, type, aliases, score, relationships (how many direct relationships it has)
CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node, score
WITH node, score
ORDER BY score DESC, node.id
LIMIT $limit
RETURN node.id AS id, node.name AS name, node.type AS type, node.aliases AS aliases, score,
       COUNT { (node)-[]-(:Entity) } AS relationships
