// Active members after $after in id order whose stored suggestions are
// missing or out of date — marked stale, computed before $fresh_after,
// shorter than $stored and computed before $short_fresh_after, or stored
// before the member's places (no `suggested_section_id`) — a page at a
// time (coopol suggest --refresh). The rule of suggestions/describe_candidates.
// mode: read
// params: after, fresh_after, short_fresh_after, stored, limit
// returns: member_id
MATCH (m:Member)
WHERE m.id > $after AND m.status = 'active'
  AND (m.suggested_at IS NULL OR m.suggested_ids IS NULL OR m.suggested_section_id IS NULL
       OR m.suggested_at <= coalesce(m.suggested_stale_at, 0)
       OR m.suggested_at < $fresh_after
       OR (size(m.suggested_ids) < $stored AND m.suggested_at < $short_fresh_after))
RETURN m.id AS member_id
ORDER BY member_id
LIMIT $limit
