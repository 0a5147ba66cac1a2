-- The widget's conversation tokens: a token works only while its row exists, was used within the
-- idle period, and (once its conversation began) while the conversation exists, so a privacy
-- delete kills it. The row also carries what the widget shows live: who is typing, what an agent
-- has seen. No foreign key: the row is written before the conversation's first message.
CREATE TABLE widget_sessions (
  conversation_id  TEXT PRIMARY KEY,
  issued_at        ${timestamp} NOT NULL,
  last_used_at     ${timestamp} NOT NULL,
  bound            BOOLEAN NOT NULL,          -- the conversation has begun
  typing_name      TEXT,
  typing_until     ${timestamp},
  seen_seq         BIGINT,
  seen_name        TEXT
);
CREATE INDEX widget_sessions_last_used_at ON widget_sessions (last_used_at);

-- Images users sent: re-encoded (no metadata left), with the text read from them, masked. They go
-- with their conversation (privacy requests, retention).
CREATE TABLE attachments (
  id               TEXT PRIMARY KEY,
  conversation_id  TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  media_type       TEXT NOT NULL,
  width            INTEGER NOT NULL,
  height           INTEGER NOT NULL,
  bytes            ${blob} NOT NULL,
  text             TEXT,
  at               ${timestamp} NOT NULL
);
CREATE INDEX attachments_conversation_id ON attachments (conversation_id);
