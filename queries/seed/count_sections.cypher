// How many sections the graph holds (the demo generator needs at least one).
// mode: read
// params:
// returns: sections
MATCH (s:Section)
RETURN count(s) AS sections
