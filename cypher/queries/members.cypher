// name: members
// answers: Who are the members of an organisation (alliance, bloc, international body), and how well attested is
//   each membership?
// params: $organisation (string, 'org:brics') entity id of the organisation
// returns: member, memberName, memberType, evidence, modalities, firstSeen, lastSeen
MATCH (m:Entity)-[r:MEMBER_OF]->(o:Entity {id: $organisation})
RETURN m.id AS member, m.name AS memberName, m.type AS memberType, r.evidenceCount AS evidence,
       r.modalities AS modalities, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen
ORDER BY memberName
