// Cancel an event: it stays, marked `cancelled_at` (calendars show it
// cancelled); its tasks take no more sign-ups. Cancelling twice keeps the
// first date. Returns the volunteers of its tasks, to tell them.
// mode: write
// params: event_id, now
// returns: changed, volunteer_ids
MATCH (e:Event {id: $event_id})
WITH e, e.cancelled_at IS NULL AS changed
SET e.cancelled_at = coalesce(e.cancelled_at, $now)
WITH e, changed
OPTIONAL MATCH (m:Member)-[:VOLUNTEERS]->(:Task)-[:OF]->(e)
RETURN changed, collect(DISTINCT m.id) AS volunteer_ids
