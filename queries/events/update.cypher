// Change an event's details (its unit and organiser stay); `updated_at` says when.
// mode: write
// params: event_id, title, description, starts_at, ends_at, place, online_url, now
// returns: id
MATCH (e:Event {id: $event_id})
SET e.title = $title, e.description = $description, e.starts_at = $starts_at, e.ends_at = $ends_at,
    e.place = $place, e.online_url = $online_url, e.updated_at = $now
RETURN e.id AS id
