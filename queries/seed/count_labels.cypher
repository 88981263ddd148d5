// Node counts per label (seed summaries, tests comparing two loads).
// mode: read
// params:
// returns: label, nodes
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS nodes
ORDER BY label
