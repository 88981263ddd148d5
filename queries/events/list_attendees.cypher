// Who gave an answer to an event, as the viewer may see them: the number of
// active members who gave it, and the names (by name, at most $limit) of
// those whose profile the viewer may see (the rule of members/get_profile:
// oneself; the animators of the member's section, federation or the national
// level; otherwise the member's visibility choice; never across a block).
// mode: read
// params: event_id, viewer_id, answer, limit
// returns: total, visible, people
MATCH (v:Member {id: $viewer_id})-[:BELONGS_TO]->(vs:Section)-[:PART_OF]->(vf:Federation)
WHERE v.status = 'active'
OPTIONAL MATCH (v)-[:ANIMATES]->(u:OrgUnit)
WITH v, vs, vf, collect(u.id) AS animated
OPTIONAL MATCH (v)-[:BLOCKED]-(x:Member)
WITH v, vs, vf, animated, collect(x.id) AS blocked
MATCH (m:Member)-[a:ANSWERED]->(:Event {id: $event_id})
WHERE a.answer = $answer AND m.status = 'active'
MATCH (m)-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
WITH m, m.id = v.id OR (NOT m.id IN blocked AND (
       s.id IN animated OR f.id IN animated OR 'national' IN animated OR (
       (m.visible_to_sympathisants OR v.membership = 'adherent') AND (
         m.visibility = 'members'
         OR (m.visibility = 'federation' AND vf.id = f.id)
         OR (m.visibility = 'section' AND vs.id = s.id))))) AS shown
ORDER BY m.last_name, m.first_name, m.id
WITH count(m) AS total, collect(CASE WHEN shown THEN {id: m.id, display_name: m.display_name} END) AS people
RETURN total, size(people) AS visible, people[..$limit] AS people
