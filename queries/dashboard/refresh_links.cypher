// Replaces a section's LINKED relationships (one per other section of its
// federation its active members have coopains in, with their number of coopain
// links: the picture's edges) and stores its
// totals: links inside the section, towards its federation's other sections and
// towards other federations, at `now`. Each linked section's federation is
// matched once, not once per link (half the CPU).
// mode: write
// params: section_id, now
// returns: targets, inside, federation, elsewhere
MATCH (s:OrgUnit {id: $section_id})-[:PART_OF]->(f:Federation)
WHERE s:Section
OPTIONAL MATCH (s)-[old:LINKED]->(:Section)
DELETE old
WITH DISTINCT s, f
OPTIONAL MATCH (s)<-[:BELONGS_TO]-(m:Member)-[:COOPAIN]-(o:Member)-[:BELONGS_TO]->(t:Section)
WHERE m.status = 'active' AND o.status = 'active'
WITH s, f, t, count(o) AS n
OPTIONAL MATCH (t)-[:PART_OF]->(g:Federation)
WITH s, f, collect(CASE WHEN t IS NOT NULL THEN {section: t, federation: g.id, links: n} END) AS targets
WITH s, f, targets,
     reduce(x = 0, r IN targets | x + CASE WHEN r.section.id = s.id THEN r.links ELSE 0 END) / 2 AS inside,
     reduce(x = 0, r IN targets | x + CASE WHEN r.section.id <> s.id AND r.federation = f.id THEN r.links ELSE 0 END) AS federation,
     reduce(x = 0, r IN targets | x + CASE WHEN r.federation <> f.id THEN r.links ELSE 0 END) AS elsewhere
SET s.net_inside = inside, s.net_federation = federation, s.net_elsewhere = elsewhere, s.net_at = $now
WITH s, f, targets, inside, federation, elsewhere
UNWIND (CASE WHEN size(targets) = 0 THEN [null] ELSE targets END) AS r
WITH s, r, inside, federation, elsewhere, r.section AS t,
     r IS NOT NULL AND r.section.id <> s.id AND r.federation = f.id AS drawn
FOREACH (_ IN CASE WHEN drawn THEN [1] ELSE [] END |
  CREATE (s)-[:LINKED {coopains: r.links, at: $now}]->(t))
RETURN count(CASE WHEN drawn THEN 1 END) AS targets, inside, federation, elsewhere
