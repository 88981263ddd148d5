// The member asking for suggestions: their section and federation (what the
// context signals compare against), whether they may be suggested to others,
// `excluded` — the members never to suggest them besides themselves:
// coopains, pending requests and blocks either way, their dismissals — and
// their stored list (suggestions/store_list, one list per term, `per`
// names a candidate) with `fresh`: computed after it was last marked stale,
// after $fresh_after, and (if shorter than $stored entries) after
// $short_fresh_after, as suggestions/list_stale_member_ids counts it. No row
// for an unknown or pending member.
// mode: read
// params: member_id, fresh_after, short_fresh_after, stored
// returns: id, section_id, federation_id, suggestible, excluded, fresh, stored_ids, stored_adamic_adar, stored_common, stored_names, stored_contact, stored_event
MATCH (m:Member {id: $member_id})-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
WHERE m.status = 'active'
OPTIONAL MATCH (m)-[r:REQUESTED|BLOCKED|DISMISSED|COOPAIN]-(o:Member)
WHERE type(r) <> 'DISMISSED' OR startNode(r) = m
WITH m, s, f, collect(o.id) AS excluded
RETURN m.id AS id, s.id AS section_id, f.id AS federation_id, coalesce(m.suggestible, true) AS suggestible,
       excluded,
       coalesce(m.suggested_at > coalesce(m.suggested_stale_at, 0) AND m.suggested_at >= $fresh_after
         AND (size(m.suggested_ids) >= $stored OR m.suggested_at >= $short_fresh_after), false) AS fresh,
       m.suggested_ids AS stored_ids, m.suggested_adamic_adar AS stored_adamic_adar,
       m.suggested_common AS stored_common, m.suggested_names AS stored_names,
       m.suggested_contact AS stored_contact, m.suggested_event AS stored_event
