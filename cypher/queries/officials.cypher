// name: officials
// answers: Who speaks and acts for a state or organisation? Its heads of state and government, officials and
//   affiliated people, with how well each role is attested.
// params: $entity (string, 'RUS') entity id of the country or organisation
// returns: person, name, role (HEAD_OF_STATE, HEAD_OF_GOVERNMENT, OFFICIAL_OF, AFFILIATED_WITH, CITIZEN_OF),
//   evidence, modalities, firstSeen, lastSeen
MATCH (p:Entity)-[r:HEAD_OF_STATE|HEAD_OF_GOVERNMENT|OFFICIAL_OF|AFFILIATED_WITH|CITIZEN_OF]->(e:Entity {id: $entity})
RETURN p.id AS person, p.name AS name, type(r) AS role, r.evidenceCount AS evidence, r.modalities AS modalities,
       r.firstSeen AS firstSeen, r.lastSeen AS lastSeen
ORDER BY CASE type(r)
           WHEN 'HEAD_OF_STATE' THEN 0 WHEN 'HEAD_OF_GOVERNMENT' THEN 1 WHEN 'OFFICIAL_OF' THEN 2
           WHEN 'AFFILIATED_WITH' THEN 3 ELSE 4
         END, evidence DESC, person
