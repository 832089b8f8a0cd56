// name: supplies
// answers: Who supplies what to whom? Every SUPPLIES relationship with the items named, how much evidence backs it
//   and in what modality (asserted, reported, alleged, …). Narrow it to one supplier and/or one recipient.
// params: $supplier (string|null, 'IRN', default: null) entity id of the supplier; null for any
// params: $recipient (string|null, 'RUS', default: null) entity id of the recipient; null for any
// returns: supplier, supplierName, recipient, recipientName, items (item names), itemIds, evidence, documents,
//   modalities, attributedTo (sources the claims are attributed to), firstSeen, lastSeen
MATCH (s:Entity)-[r:SUPPLIES]->(o:Entity)
WHERE ($supplier IS NULL OR s.id = $supplier) AND ($recipient IS NULL OR o.id = $recipient)
CALL (r) {
  UNWIND coalesce(r.items, []) AS itemId
  OPTIONAL MATCH (i:Entity {id: itemId})
  RETURN collect(coalesce(i.name, itemId)) AS items
}
CALL (r) {
  OPTIONAL MATCH (:Claim {key: r.key})-[:ATTRIBUTED_TO]->(src:Entity)
  RETURN collect(DISTINCT src.name) AS attributedTo
}
RETURN s.id AS supplier, s.name AS supplierName, o.id AS recipient, o.name AS recipientName, items,
       r.items AS itemIds, r.evidenceCount AS evidence, r.documentCount AS documents, r.modalities AS modalities,
       attributedTo, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen
ORDER BY evidence DESC, supplier, recipient
