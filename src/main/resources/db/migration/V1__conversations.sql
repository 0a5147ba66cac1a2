-- The conversation store. One set of files for SQLite and PostgreSQL: ${timestamp} and ${identity}
-- are the only differences (see loginbot.store.Dialect). State and packets are JSON text; the
-- plain columns beside them are derived on every write, for queries and for people reading the data.

CREATE TABLE conversations (
  id          TEXT PRIMARY KEY,
  channel     TEXT NOT NULL,
  status      TEXT NOT NULL,                  -- bot | handoff | closed
  role        TEXT,                           -- customer | professional, null until known
  language    TEXT,                           -- en | fr
  case_id     TEXT,
  resolved    BOOLEAN NOT NULL,
  state       TEXT NOT NULL,                  -- ConversationState as JSON
  handoff     TEXT,                           -- latest HandoffPacket as JSON
  handoff_at  ${timestamp},
  created_at  ${timestamp} NOT NULL,
  updated_at  ${timestamp} NOT NULL
);
CREATE INDEX conversations_updated_at ON conversations (updated_at);
CREATE INDEX conversations_status_handoff_at ON conversations (status, handoff_at);

-- Masked lines, in order. Rows of a conversation go with it (privacy requests, retention).
CREATE TABLE transcript (
  conversation_id  TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  seq              BIGINT NOT NULL,
  at               ${timestamp} NOT NULL,
  author           TEXT NOT NULL,             -- USER | BOT | AGENT | SYSTEM
  name             TEXT,
  text             TEXT NOT NULL,
  buttons          TEXT NOT NULL,             -- JSON array of {title, payload}
  intent           TEXT,
  confidence       DOUBLE PRECISION,
  understood       BOOLEAN NOT NULL,
  PRIMARY KEY (conversation_id, seq)
);

-- Message ids already turned into a turn, with the replies a redelivery gets again.
CREATE TABLE processed_messages (
  conversation_id  TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  message_id       TEXT NOT NULL,
  replies          TEXT NOT NULL,             -- JSON array of {text, buttons}
  at               ${timestamp} NOT NULL,
  PRIMARY KEY (conversation_id, message_id)
);

-- Outbound platform calls written with the turn that caused them; delivered oldest first.
CREATE TABLE outbox (
  id               ${identity},
  conversation_id  TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  kind             TEXT NOT NULL,
  payload          TEXT NOT NULL,
  attempts         INTEGER NOT NULL DEFAULT 0,
  not_before       ${timestamp} NOT NULL,
  last_error       TEXT,
  created_at       ${timestamp} NOT NULL
);
CREATE INDEX outbox_conversation_id ON outbox (conversation_id, id);
