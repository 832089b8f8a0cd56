// name: dyad-timeline
// answers: How has the relationship between two actors developed over time? Every claim linking them, in either
//   direction, in date order (the document's published date; undated documents give a null date and come last,
//   never their ingest date), with the claim's own time
//   where the text gives one, its predicate, polarity (cooperation, conflict or structural), modality and sentence.
// params: $a (string, 'IRN') entity id
// params: $b (string, 'RUS') entity id
// returns: date, claimTime, subject, predicate, object, kind, modality, attributedTo, sentence, document
MATCH (x:Entity {id: $a})-[r]-(y:Entity {id: $b})
WHERE x <> y
MATCH (c:Claim {key: r.key})-[:IN_DOCUMENT]->(d:Document)
OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(t:Sentence)
RETURN d.published AS date, c.time AS claimTime,
       startNode(r).id AS subject, type(r) AS predicate, endNode(r).id AS object,
       CASE
         WHEN type(r) IN ['MEETS', 'COOPERATES_WITH', 'ALLIED_WITH', 'SIGNS_AGREEMENT', 'SUPPLIES', 'SUPPORTS', 'INVITES']
           THEN 'cooperation'
         WHEN type(r) IN ['ATTACKS', 'THREATENS', 'SANCTIONS', 'CRITICIZES'] THEN 'conflict'
         ELSE 'structural'
       END AS kind,
       c.modality AS modality, c.attributedTo AS attributedTo, t.text AS sentence, d.id AS document
ORDER BY date, document, t.start, predicate
