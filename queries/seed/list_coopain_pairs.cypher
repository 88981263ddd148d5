// Coopain links as ordered id pairs with their date, in a stable order (tests comparing two loads).
// mode: read
// params: skip, limit
// returns: a, b, since
MATCH (x:Member)-[c:COOPAIN]->(y:Member)
WITH CASE WHEN x.id < y.id THEN x.id ELSE y.id END AS a,
     CASE WHEN x.id < y.id THEN y.id ELSE x.id END AS b, c.since AS since
RETURN a, b, since
ORDER BY a, b
SKIP $skip
LIMIT $limit
