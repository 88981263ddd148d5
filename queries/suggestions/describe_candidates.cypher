// The members of $ids as candidates for $member_id, with their place (and
// whether it is the viewer's section, federation) and whether the viewer may
// see them (`visible`): active, not having chosen
// `suggestible = false`, and visible by the profile's rule
// (members/get_profile): animators of the candidate's section, federation or
// the national level see them; otherwise the candidate's choice (their
// section, their federation or all members, and whether sympathisants see
// them). `findable` (true when missing): whether an address book may find
// them. Hidden candidates are returned too, flagged: a stored list keeps
// them, so that one who becomes visible again takes their place back at once.
// The caller has left out the excluded members (the signals' exclusions).
// Unknown ids and the viewer give no row.
// mode: read
// params: member_id, ids
// returns: id, display_name, section_name, federation_name, same_section, same_federation, findable, visible
MATCH (v:Member {id: $member_id})-[:BELONGS_TO]->(vs:Section)-[:PART_OF]->(vf:Federation)
WHERE v.status = 'active'
OPTIONAL MATCH (v)-[:ANIMATES]->(u:OrgUnit)
WITH v, vs, vf, collect(u.id) AS animated
UNWIND $ids AS candidate_id
MATCH (m:Member {id: candidate_id})-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
WHERE m.id <> v.id
RETURN m.id AS id, m.display_name AS display_name, s.name AS section_name, f.name AS federation_name,
       s.id = vs.id AS same_section, f.id = vf.id AS same_federation, coalesce(m.findable, true) AS findable,
       coalesce(m.status = 'active' AND coalesce(m.suggestible, true) AND (
         s.id IN animated OR f.id IN animated OR 'national' IN animated OR (
         (coalesce(m.visible_to_sympathisants, false) OR v.membership = 'adherent') AND (
           m.visibility = 'members'
           OR (m.visibility = 'federation' AND vf.id = f.id)
           OR (m.visibility = 'section' AND vs.id = s.id)))), false) AS visible
