// The member asking for suggestions: whether they may be suggested to others,
// whether their stored list (suggestions/store_list) is `fresh` — computed
// after it was last marked stale, after $fresh_after, and (if shorter than
// $stored entries) after $short_fresh_after, as
// suggestions/list_stale_member_ids counts it; a list stored before the
// member's places is not — and its length (`stored`, 0
// without a list). No row for an unknown or pending member, or one without a
// section.
// mode: read
// params: member_id, fresh_after, short_fresh_after, stored
// returns: id, suggestible, fresh, stored
MATCH (m:Member {id: $member_id})-[:BELONGS_TO]->(:Section)-[:PART_OF]->(:Federation)
WHERE m.status = 'active'
RETURN m.id AS id, coalesce(m.suggestible, true) AS suggestible,
       coalesce(m.suggested_at > coalesce(m.suggested_stale_at, 0) AND m.suggested_at >= $fresh_after
         AND (size(m.suggested_ids) >= $stored OR m.suggested_at >= $short_fresh_after)
         AND m.suggested_section_id IS NOT NULL, false) AS fresh,
       coalesce(size(m.suggested_ids), 0) AS stored
