// Durability bench: the writes of one round found in the graph, with how many
// of each write's marks are there.
// mode: read
// params: round, limit
// returns: seq, parts
MATCH (m:DurabilityMark)
WHERE m.round = $round
RETURN m.seq AS seq, count(m) AS parts
ORDER BY seq
LIMIT $limit
