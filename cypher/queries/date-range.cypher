// name: date-range
// answers: What relations were seen in a period? A relationship qualifies when the span of its documents' dates
//   (firstSeen..lastSeen: their published dates; undated documents have none) overlaps the range, or when one of
//   its claims is dated
//   (claim time, e.g. "im Februar 2022") inside it. Dates are ISO strings; partial ones (2024, 2024-10) cover the
//   whole year or month.
// params: $from (string, '2024-10-01') first day of the range (YYYY, YYYY-MM or YYYY-MM-DD)
// params: $to (string, '2024-10-31') last day of the range (YYYY, YYYY-MM or YYYY-MM-DD)
// params: $types (list|null, ["ATTACKS"], default: null) relationship types; null for all
// returns: subject, predicate, object, firstSeen, lastSeen, claimTimes (claim dates inside the range), bySeen,
//   byClaimTime, evidence
MATCH (s:Entity)-[r]->(o:Entity)
WHERE $types IS NULL OR type(r) IN $types
CALL (r) {
  OPTIONAL MATCH (c:Claim {key: r.key})
  WHERE c.time IS NOT NULL AND c.time <= $to + '~' AND c.time + '~' >= $from
  RETURN collect(DISTINCT c.time) AS claimTimes
}
// '~' sorts after every digit and '-', so x + '~' is the last instant of the partial date x.
WITH s, r, o, claimTimes, coalesce(r.firstSeen <= $to + '~' AND r.lastSeen + '~' >= $from, false) AS bySeen
WHERE bySeen OR size(claimTimes) > 0
RETURN s.id AS subject, type(r) AS predicate, o.id AS object, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen,
       claimTimes, bySeen, size(claimTimes) > 0 AS byClaimTime, r.evidenceCount AS evidence
ORDER BY firstSeen, subject, predicate, object
