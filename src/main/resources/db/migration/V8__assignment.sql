-- Ownership: the agent handling a handed-off conversation (null: nobody took it yet). Cleared when
-- the conversation leaves the handoff, so a new handoff starts unassigned. The index serves the
-- console's queue views (mine, unassigned, all), oldest handoff first.
ALTER TABLE conversations ADD COLUMN assignee TEXT;
CREATE INDEX conversations_queue ON conversations (status, assignee, handoff_at);
