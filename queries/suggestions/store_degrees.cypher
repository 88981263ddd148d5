// Stores on each member its number of coopains as `degree` (Adamic-Adar weighs a
// common coopain c by 1/ln(degree(c))); run after bulk changes to the links.
// mode: write
// params:
// returns: members, links
MATCH (m:Member)
OPTIONAL MATCH (m)-[:COOPAIN]-(c:Member)
WITH m, count(c) AS degree
SET m.degree = degree
RETURN count(m) AS members, sum(degree) / 2 AS links
