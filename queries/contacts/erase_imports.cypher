// Erasure of a member (graphsvc/mydata.py): the log of their address-book uploads.
// mode: write
// params: member_id
// returns: deleted
MATCH (:Member {id: $member_id})<-[:BY]-(i:ContactImport)
DETACH DELETE i
RETURN count(i) AS deleted
