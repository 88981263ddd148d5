// The figures of each section of a unit (a federation's sections, or one
// section), by name: active members, party members, new and active since
// `month_start`; from the last computation of the links: members without a
// coopain, newcomers still without one (joined between `joined_after` and
// `joined_before`), coopain links inside the section, towards other sections of
// the federation and towards other federations.
// mode: read
// params: unit_id, month_start, joined_after, joined_before, limit
// returns: id, name, members, adherents, new_members, active_members, isolated, newcomers_alone, links_inside, links_federation, links_elsewhere, computed_at
MATCH (u:OrgUnit {id: $unit_id})<-[:PART_OF*0..1]-(s:Section)
OPTIONAL MATCH (s)<-[:BELONGS_TO]-(m:Member)
WHERE m.status = 'active'
WITH s, count(m) AS members,
     sum(CASE WHEN m.membership = 'adherent' THEN 1 ELSE 0 END) AS adherents,
     sum(CASE WHEN m.created_at >= $month_start THEN 1 ELSE 0 END) AS new_members,
     sum(CASE WHEN m.last_seen_at >= $month_start THEN 1 ELSE 0 END) AS active_members,
     sum(CASE WHEN m.net_coopains = 0 THEN 1 ELSE 0 END) AS isolated,
     sum(CASE WHEN m.net_coopains = 0 AND m.created_at >= $joined_after AND m.created_at <= $joined_before THEN 1 ELSE 0 END) AS newcomers_alone
RETURN s.id AS id, s.name AS name, members, adherents, new_members, active_members, isolated, newcomers_alone,
       coalesce(s.net_inside, 0) AS links_inside, coalesce(s.net_federation, 0) AS links_federation,
       coalesce(s.net_elsewhere, 0) AS links_elsewhere, s.net_at AS computed_at
ORDER BY s.name, s.id
LIMIT $limit
