// Keeps on a unit the member ids heading each "who connects" list at its last
// computation (dashboard/list_people's order), for the dashboard to read at once.
// mode: write
// params: unit_id, bridges, connected, isolated, newcomers, now
// returns: id
MATCH (u:OrgUnit {id: $unit_id})
SET u.net_bridges = $bridges, u.net_connected = $connected, u.net_isolated = $isolated,
    u.net_newcomers = $newcomers, u.net_tops_at = $now
RETURN u.id AS id
