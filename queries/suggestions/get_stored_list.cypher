// The head of the stored list of $member_id (suggestions/store_list) while it
// is fresh (the rule of suggestions/get_viewer; a list stored before the
// member's places is not): its entries from $start up to
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
// them; the viewer's section, federation and animated units are those stored
// with the list, which goes stale when they change), and `excluded`: the
// members never to suggest them — pending requests and blocks either way,
// their dismissals — left for the caller to take out.
// Coopains are not looked up: a fresh list holds none, since every statement
// that links two members as coopains marks both their lists stale
// (suggestions/mark_links_changed after coopains/accept,
// edgelist/merge_coopains); looking up the member's ~40 coopains here cost
// about a quarter of the read's server time. The patterns name no label at
// their far end: the relationship types fix it (BELONGS_TO reaches a section,
// PART_OF from a section a federation, REQUESTED, BLOCKED and DISMISSED join
// members), and FalkorDB checks every label named (0.26 ms of the read's
// 1.7 ms of server time). No row for an unknown, pending or stale member,
// nor when none of these candidates is visible.
// mode: read
// params: member_id, fresh_after, short_fresh_after, stored, start, want, per
// returns: ids, display_names, section_names, federation_names, same_section, same_federation, findable, excluded, stored_ids, stored_resource_allocation, stored_common, stored_names, stored_contact, stored_event, head_end, next_score, next_id, stored, section_term, federation_term
MATCH (v:Member {id: $member_id})
WHERE v.status = 'active' AND v.suggested_at > coalesce(v.suggested_stale_at, 0) AND v.suggested_at >= $fresh_after
  AND (size(v.suggested_ids) >= $stored OR v.suggested_at >= $short_fresh_after) AND v.suggested_section_id IS NOT NULL
WITH v, v.suggested_section_id AS section_id, v.suggested_federation_id AS federation_id,
     v.suggested_animated AS animated, coalesce(v.suggested_visible_at[$want - 1] + 1, size(v.suggested_ids)) AS head_end
UNWIND v.suggested_ids[$start..head_end] AS candidate_id
MATCH (m:Member {id: candidate_id})-[:BELONGS_TO]->(s)-[:PART_OF]->(f)
WHERE m.id <> v.id AND m.status = 'active' AND coalesce(m.suggestible, true) AND (
  s.id IN animated OR f.id IN animated OR 'national' IN animated OR (
    (coalesce(m.visible_to_sympathisants, false) OR v.membership = 'adherent') AND (
      m.visibility = 'members'
      OR (m.visibility = 'federation' AND f.id = federation_id)
      OR (m.visibility = 'section' AND s.id = section_id))))
WITH v, head_end, collect(m.id) AS ids, collect(m.display_name) AS display_names, collect(s.name) AS section_names,
     collect(f.name) AS federation_names, collect(s.id = section_id) AS same_section, collect(f.id = federation_id) AS same_federation,
     collect(coalesce(m.findable, true)) AS findable
RETURN ids, display_names, section_names, federation_names, same_section, same_federation, findable,
       [(v)-[:REQUESTED|BLOCKED]-(other) | other.id] + [(v)-[:DISMISSED]->(dismissed) | dismissed.id]
         AS excluded,
       v.suggested_ids[$start..head_end] AS stored_ids, v.suggested_resource_allocation[$start..head_end] AS stored_resource_allocation,
       v.suggested_common[$start..head_end] AS stored_common, v.suggested_names[$start * $per..head_end * $per] AS stored_names,
       v.suggested_contact[$start..head_end] AS stored_contact, v.suggested_event[$start..head_end] AS stored_event,
       head_end, v.suggested_score[head_end] AS next_score, v.suggested_ids[head_end] AS next_id, size(v.suggested_ids) AS stored,
       v.suggested_section_term AS section_term, v.suggested_federation_term AS federation_term
