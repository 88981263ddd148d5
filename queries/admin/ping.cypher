// Answers 1: proves the store is reachable and answering queries.
// mode: read
// params:
// returns: ok
RETURN 1 AS ok
