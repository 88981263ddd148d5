// Stores on each member its number of coopains as `degree` (the section and
// federation signals take the members with most coopains first); run after
// bulk changes to the links.
// Only the degrees that changed are written: after rewriting 200,000 unchanged
// degrees (31 s) a FalkorDB server spent about 40 s of half a core in a
// background thread (its index's clean-up, as far as we can tell) while the
// benchmark read; counting without writing takes 13 s and leaves it idle.
// mode: write
// params:
// returns: members, links
MATCH (m:Member)
OPTIONAL MATCH (m)-[:COOPAIN]-(c:Member)
WITH m, count(c) AS degree
FOREACH (changed IN CASE WHEN m.degree = degree THEN [] ELSE [true] END | SET m.degree = degree)
RETURN count(m) AS members, sum(degree) / 2 AS links
