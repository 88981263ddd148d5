// Computes, for each active member of a section, their active coopains
// (net_coopains), those in another section (net_outside) and the number of
// distinct other sections among them (net_sections, the bridge measure); then
// the section's member figures: active members, party members, new and
// active since `month_start`, members without a coopain, newcomers without one
// (joined between `joined_after` and `joined_before`), all at `now`.
// mode: write
// params: section_id, now, month_start, joined_after, joined_before
// returns: members
MATCH (s:OrgUnit {id: $section_id})
WHERE s:Section
OPTIONAL MATCH (s)<-[:BELONGS_TO]-(m:Member)
WHERE m.status = 'active'
OPTIONAL MATCH (m)-[:COOPAIN]-(o:Member)-[:BELONGS_TO]->(t:Section)
WHERE o.status = 'active'
WITH s, m, t.id AS other, count(o) AS n
WITH s, m, sum(n) AS coopains, sum(CASE WHEN other = s.id THEN n ELSE 0 END) AS inside,
     sum(CASE WHEN other IS NOT NULL AND other <> s.id THEN 1 ELSE 0 END) AS sections
FOREACH (_ IN CASE WHEN m IS NULL THEN [] ELSE [1] END |
  SET m.net_coopains = coopains, m.net_outside = coopains - inside, m.net_sections = sections, m.net_at = $now)
WITH s, count(m) AS members,
     sum(CASE WHEN m.membership = 'adherent' THEN 1 ELSE 0 END) AS adherents,
     sum(CASE WHEN m.created_at >= $month_start THEN 1 ELSE 0 END) AS new_members,
     sum(CASE WHEN m.last_seen_at >= $month_start THEN 1 ELSE 0 END) AS active_members,
     sum(CASE WHEN m IS NOT NULL AND coopains = 0 THEN 1 ELSE 0 END) AS isolated,
     sum(CASE WHEN m IS NOT NULL AND coopains = 0 AND m.created_at >= $joined_after AND m.created_at <= $joined_before THEN 1 ELSE 0 END) AS newcomers_alone
SET s.net_members = members, s.net_adherents = adherents, s.net_new_members = new_members, s.net_active_members = active_members,
    s.net_no_coopain = isolated, s.net_newcomers_alone = newcomers_alone, s.net_month_start = $month_start
RETURN members
