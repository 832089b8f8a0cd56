// name: alleged-denied
// answers: Which relations rest only on allegations or denials — nothing asserted or reported backs them? With
//   who the claims are attributed to and the sentences, so a researcher can weigh contested claims.
// params: $modalities (list, ["alleged", "denied"], default: ["alleged", "denied"]) the "weak" modalities; a
//   relationship qualifies when every one of its claims has one of them
// returns: subject, subjectName, predicate, object, objectName, modalities, attributedTo (names), evidence,
//   sentences, documents
MATCH (s:Entity)-[r]->(o:Entity)
WHERE size(r.modalities) > 0 AND all(m IN r.modalities WHERE m IN $modalities)
CALL (r) {
  MATCH (c:Claim {key: r.key})
  OPTIONAL MATCH (c)-[:ATTRIBUTED_TO]->(src:Entity)
  OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(t:Sentence)-[:IN_DOCUMENT]->(d:Document)
  RETURN collect(DISTINCT src.name) AS attributedTo, collect(DISTINCT t.text) AS sentences,
         collect(DISTINCT d.id) AS documents
}
RETURN s.id AS subject, s.name AS subjectName, type(r) AS predicate, o.id AS object, o.name AS objectName,
       r.modalities AS modalities, attributedTo, r.evidenceCount AS evidence, sentences, documents
ORDER BY evidence DESC, subject, predicate, object
