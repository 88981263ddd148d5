// The head of the stored list of $member_id (suggestions/store_list) while it
// is fresh (the rule of suggestions/get_viewer; a list stored before the place
// terms is not): its entries from $start up to
// the one of the $want-th candidate visible at computation (the whole rest of
// the list when there are fewer), in one row: those entries as stored
// (`stored_ids` and one list per term, `per` names an entry), where they end
// (`head_end`), the stored score and id of the entry right after them
// (`next_score`, `next_id`: null at the end of the list), the list's length
// (`stored`), what sharing the viewer's section or only their federation adds
// to a score (`section_term`, `federation_term`), the candidates of these
// entries the viewer may see now, described in parallel lists (the rule of suggestions/describe_candidates:
// active, suggestible, visible by the profile's rule; their section, their
// federation, whether either is the viewer's, whether an address book may find
// them), and `excluded`: the members never to suggest them — pending requests
// and blocks either way, their dismissals — left for the caller to take out.
// Coopains are not looked up: a fresh list holds none, since every statement
// that links two members as coopains marks both their lists stale
// (suggestions/mark_links_changed after coopains/accept,
// edgelist/merge_coopains); looking up the member's ~40 coopains here cost
// about a quarter of the read's server time. No row for an unknown, pending or
// stale member, nor when none of these candidates is visible.
// mode: read
// params: member_id, fresh_after, short_fresh_after, stored, start, want, per
// returns: ids, display_names, section_names, federation_names, same_section, same_federation, findable, excluded, stored_ids, stored_resource_allocation, stored_common, stored_names, stored_contact, stored_event, head_end, next_score, next_id, stored, section_term, federation_term
MATCH (v:Member {id: $member_id})-[:BELONGS_TO]->(vs:Section)-[:PART_OF]->(vf:Federation)
WHERE v.status = 'active' AND v.suggested_at > coalesce(v.suggested_stale_at, 0) AND v.suggested_at >= $fresh_after
  AND (size(v.suggested_ids) >= $stored OR v.suggested_at >= $short_fresh_after) AND v.suggested_section_term IS NOT NULL
WITH v, vs, vf, [(v)-[:ANIMATES]->(u:OrgUnit) | u.id] AS animated,
     coalesce(v.suggested_visible_at[$want - 1] + 1, size(v.suggested_ids)) AS head_end
UNWIND v.suggested_ids[$start..head_end] AS candidate_id
MATCH (m:Member {id: candidate_id})-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
WHERE m.id <> v.id AND m.status = 'active' AND coalesce(m.suggestible, true) AND (
  s.id IN animated OR f.id IN animated OR 'national' IN animated OR (
    (coalesce(m.visible_to_sympathisants, false) OR v.membership = 'adherent') AND (
      m.visibility = 'members'
      OR (m.visibility = 'federation' AND vf.id = f.id)
      OR (m.visibility = 'section' AND vs.id = s.id))))
WITH v, head_end, collect(m.id) AS ids, collect(m.display_name) AS display_names, collect(s.name) AS section_names,
     collect(f.name) AS federation_names, collect(s.id = vs.id) AS same_section, collect(f.id = vf.id) AS same_federation,
     collect(coalesce(m.findable, true)) AS findable
RETURN ids, display_names, section_names, federation_names, same_section, same_federation, findable,
       [(v)-[:REQUESTED|BLOCKED]-(other:Member) | other.id] + [(v)-[:DISMISSED]->(dismissed:Member) | dismissed.id]
         AS excluded,
       v.suggested_ids[$start..head_end] AS stored_ids, v.suggested_resource_allocation[$start..head_end] AS stored_resource_allocation,
       v.suggested_common[$start..head_end] AS stored_common, v.suggested_names[$start * $per..head_end * $per] AS stored_names,
       v.suggested_contact[$start..head_end] AS stored_contact, v.suggested_event[$start..head_end] AS stored_event,
       head_end, v.suggested_score[head_end] AS next_score, v.suggested_ids[head_end] AS next_id, size(v.suggested_ids) AS stored,
       v.suggested_section_term AS section_term, v.suggested_federation_term AS federation_term
