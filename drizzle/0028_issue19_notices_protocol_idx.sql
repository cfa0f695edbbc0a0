-- Issue 19: a notice board's appeal period needs every board's posting of the same protocols
-- (board.repository.ts listPostingStates), and the committee's posting status lists a protocol's
-- notices: both look notices up by protocol. The unique index on (protocol_id, organisation_id)
-- is partial (paragraph_id IS NULL) and cannot serve them, so they read the whole table.
CREATE INDEX IF NOT EXISTS "notices_protocol_idx" ON "notices" USING btree ("protocol_id");
