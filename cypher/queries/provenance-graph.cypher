// name: provenance-graph
// answers: Where does this relation come from, as a picture? The triple's two entities, every claim behind it,
//   the sentence each claim rests on and the document it is in, as nodes and relationships the viewer draws
//   (the provenance query gives the same as rows). Symmetric types are found whichever way round.
// params: $subject (string, 'IRN') entity id
// params: $predicate (string, 'SUPPLIES') relationship type
// params: $object (string, 'RUS') entity id
// returns: a, b (the entities), c (Claim), cs, co (its SUBJECT and OBJECT links), s (Sentence), e (EVIDENCED_BY),
//   d (Document), i (IN_DOCUMENT)
MATCH (a:Entity {id: $subject}), (b:Entity {id: $object})
MATCH (c:Claim {predicate: $predicate})
WHERE (c.subject = a.id AND c.object = b.id)
   OR ($predicate IN ['MEETS', 'COOPERATES_WITH', 'ALLIED_WITH', 'SIGNS_AGREEMENT'] AND c.subject = b.id AND c.object = a.id)
MATCH (c)-[cs:SUBJECT]->(:Entity), (c)-[co:OBJECT]->(:Entity)
OPTIONAL MATCH (c)-[e:EVIDENCED_BY]->(s:Sentence)-[i:IN_DOCUMENT]->(d:Document)
RETURN a, b, c, cs, co, s, e, d, i
ORDER BY d.published, d.id, s.start
