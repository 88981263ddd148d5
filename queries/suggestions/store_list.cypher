// Stores the candidates computed for $member_id (parallel lists, one entry a
// candidate, best first: ids, resource-allocation term, number of common coopains,
// their first names — `per` entries a candidate, "" when fewer —, "in the
// address book", title of a shared event or "", the whole score, context
// terms included: the list's order), the positions of the candidates the
// member could see (`visible_at`, where a read's head ends) and what sharing
// the member's section, or only their federation, added to a score
// (`section_term`, `federation_term`: the places' sizes then), computed from
// the graph as it was at $at; and, for suggestions/get_stored_list, the
// member's own section and federation ids and the ids of the units they
// animate. The list is fresh while `suggested_at` is later than
// `suggested_stale_at` (set by suggestions/mark_stale and
// suggestions/mark_links_changed, and by admins/grant and admins/revoke for
// the member whose rights change): a change made during the computation
// leaves it stale.
// mode: write
// params: member_id, at, ids, resource_allocation, common, names, contact, event, score, visible_at, section_term, federation_term
// returns: id
MATCH (m:Member {id: $member_id})-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
WITH m, s, f, [(m)-[:ANIMATES]->(u:OrgUnit) | u.id] AS animated
SET m.suggested_section_id = s.id, m.suggested_federation_id = f.id, m.suggested_animated = animated,
    m.suggested_at = $at, m.suggested_ids = $ids, m.suggested_resource_allocation = $resource_allocation,
    m.suggested_common = $common, m.suggested_names = $names, m.suggested_contact = $contact,
    m.suggested_event = $event, m.suggested_score = $score,
    m.suggested_visible_at = $visible_at, m.suggested_section_term = $section_term,
    m.suggested_federation_term = $federation_term
RETURN m.id AS id
