// name: sources
// answers: On whose word do claims rest? The sources claims are attributed to ("according to US officials",
//   "TASS reported"), each with the relations they vouch for and in which modality.
// params: $source (string|null, 'USA', default: null) entity id of one source; null for all
// returns: source, sourceName, claims, relations (list of {subject, predicate, object, modality}), documents
MATCH (c:Claim)-[:ATTRIBUTED_TO]->(src:Entity)
WHERE $source IS NULL OR src.id = $source
MATCH (c)-[:SUBJECT]->(s:Entity)
MATCH (c)-[:OBJECT]->(o:Entity)
WITH src, c, s, o ORDER BY c.key
RETURN src.id AS source, src.name AS sourceName, count(c) AS claims,
       collect(DISTINCT {subject: s.id, predicate: c.predicate, object: o.id, modality: c.modality}) AS relations,
       collect(DISTINCT c.document) AS documents
ORDER BY claims DESC, source
