// Counts nodes per label (a node with two labels counts under each).
// mode: read
// params:
// returns: label, count
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
