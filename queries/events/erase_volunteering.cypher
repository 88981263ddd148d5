// Erasure: the member's sign-ups go and their places are freed (`taken`
// decremented, each task locked first as in events/sign_up). Their answers
// and the organiser link of their events go with mydata/erase_links; the
// events stay with their unit.
// mode: write
// params: member_id
// returns: removed
MATCH (:Member {id: $member_id})-[v:VOLUNTEERS]->(t:Task)
SET t._lock = true
WITH t, v
SET t.taken = t.taken - 1
DELETE v
REMOVE t._lock
RETURN count(t) AS removed
