-- Who reads a conversation and how far: so a message reaches its reader. reader is JSON (the
-- e-mail address the page gave or the user left, the page the chat was on, whether the bot waits
-- for an address); seen_seq is the last line the user was shown, mailed_seq the last one e-mailed.
-- last_seq saves a MAX(seq) query on every turn.
ALTER TABLE conversations ADD COLUMN last_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN seen_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN mailed_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN reader TEXT;

-- What was written before this version counts as seen: no old line is e-mailed or replayed.
UPDATE conversations SET last_seq =
  (SELECT COALESCE(MAX(t.seq), 0) FROM transcript t WHERE t.conversation_id = conversations.id);
UPDATE conversations SET seen_seq = last_seq, mailed_seq = last_seq;
