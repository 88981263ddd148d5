// Returns its parameter unchanged: the store contract tests round-trip values with it.
// mode: read
// params: value
// returns: value
RETURN $value AS value
