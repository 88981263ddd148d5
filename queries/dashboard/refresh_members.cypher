// Computes, for each active member of a section, their active coopains
// (net_coopains), those in another section (net_outside) and the number of
// distinct other sections among them (net_sections, the bridge measure), at `now`.
// mode: write
// params: section_id, now
// returns: members
MATCH (s:OrgUnit {id: $section_id})<-[:BELONGS_TO]-(m:Member)
WHERE s:Section AND m.status = 'active'
OPTIONAL MATCH (m)-[:COOPAIN]-(o:Member)-[:BELONGS_TO]->(t:Section)
WHERE o.status = 'active'
WITH s, m, t.id AS other, count(o) AS n
WITH m, sum(n) AS coopains, sum(CASE WHEN other = s.id THEN n ELSE 0 END) AS inside,
     sum(CASE WHEN other IS NOT NULL AND other <> s.id THEN 1 ELSE 0 END) AS sections
SET m.net_coopains = coopains, m.net_outside = coopains - inside, m.net_sections = sections, m.net_at = $now
RETURN count(m) AS members
