// The figures of each section of a unit (a federation's sections, or one
// section), by name. From the last computation (dashboard/refresh_members and
// refresh_links, at `computed_at`): active members, party members, new and
// active since the month's start then, members without a coopain, newcomers
// still without one, coopain links inside the section, towards other sections
// of the federation and towards other federations. Live: the visible events
// starting from `since` (recent and upcoming), the members who answered
// "going", and the volunteer sign-ups on their tasks.
// mode: read
// params: unit_id, since, limit
// returns: id, name, members, adherents, new_members, active_members, isolated, newcomers_alone, links_inside, links_federation, links_elsewhere, computed_at, events, going, signups
MATCH (u:OrgUnit {id: $unit_id})
WITH u
MATCH (u)<-[:PART_OF*0..1]-(s:Section)
OPTIONAL MATCH (s)<-[:IN]-(e:Event)
WHERE e.starts_at >= $since AND e.hidden_at IS NULL
OPTIONAL MATCH (e)<-[a:ANSWERED]-(:Member)
WHERE a.answer = 'going'
WITH s, e, count(a) AS going
OPTIONAL MATCH (e)<-[:OF]-(:Task)<-[v:VOLUNTEERS]-(:Member)
WITH s, e, going, count(v) AS signups
WITH s, count(e) AS events, sum(going) AS going, sum(signups) AS signups
RETURN s.id AS id, s.name AS name, coalesce(s.net_members, 0) AS members, coalesce(s.net_adherents, 0) AS adherents,
       coalesce(s.net_new_members, 0) AS new_members, coalesce(s.net_active_members, 0) AS active_members,
       coalesce(s.net_no_coopain, 0) AS isolated, coalesce(s.net_newcomers_alone, 0) AS newcomers_alone,
       coalesce(s.net_inside, 0) AS links_inside, coalesce(s.net_federation, 0) AS links_federation,
       coalesce(s.net_elsewhere, 0) AS links_elsewhere, s.net_at AS computed_at, events, going, signups
ORDER BY name, id
LIMIT $limit
