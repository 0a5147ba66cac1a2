-- Episodes: a conversation is a sequence of them. A message to a closed conversation (or a restart)
-- starts a new one, and the old one keeps its record: case, outcome, handoff packet, steps and
-- feedback. Analytics count episodes. The conversations row keeps the current episode's number;
-- its derived columns (status, case_id, resolved, helpful, rating, handoff) describe that episode.
CREATE TABLE episodes (
  conversation_id       TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  number                INTEGER NOT NULL,         -- 1, 2, ... in the conversation
  started_at            ${timestamp} NOT NULL,
  ended_at              ${timestamp},             -- null while open
  outcome               TEXT,                     -- resolved | handed_off | closed_by_agent | abandoned; null while the bot is on it
  role                  TEXT,
  language              TEXT,
  case_id               TEXT,                     -- the case walked through last (kept after a hand-back)
  resolved              BOOLEAN NOT NULL,
  helpful               BOOLEAN,
  rating                INTEGER,
  handoff               TEXT,                     -- the episode's HandoffPacket as JSON, kept after a hand-back
  first_human_reply_at  ${timestamp},
  agent                 TEXT,                     -- the agent who first answered, handed back or closed
  first_seq             BIGINT NOT NULL,          -- the transcript line the episode starts at
  steps                 TEXT NOT NULL,            -- JSON array of {step, outcome}
  PRIMARY KEY (conversation_id, number)
);
CREATE INDEX episodes_started_at ON episodes (started_at);

ALTER TABLE conversations ADD COLUMN episode INTEGER NOT NULL DEFAULT 1;

-- Until now a conversation was one episode: rebuild it from the columns and the transcript. A
-- hand-back used to drop the packet; the agent's lines (or the system note) still show a human was
-- involved.
INSERT INTO episodes (conversation_id, number, started_at, ended_at, outcome, role, language,
  case_id, resolved, helpful, rating, handoff, first_human_reply_at, agent, first_seq, steps)
SELECT c.id, 1, c.created_at,
  CASE WHEN c.status = 'closed' THEN c.updated_at END,
  CASE
    WHEN EXISTS (SELECT 1 FROM transcript t WHERE t.conversation_id = c.id AND t.author = 'SYSTEM'
                 AND t.text LIKE '% closed the conversation') THEN 'closed_by_agent'
    WHEN c.handoff IS NOT NULL OR c.status = 'handoff'
         OR EXISTS (SELECT 1 FROM transcript t WHERE t.conversation_id = c.id
                    AND (t.author = 'AGENT' OR (t.author = 'SYSTEM' AND t.text LIKE '% handed back to the bot')))
      THEN 'handed_off'
    WHEN c.status = 'closed' AND c.resolved THEN 'resolved'
    WHEN c.status = 'closed' THEN 'abandoned'
  END,
  c.role, c.language, c.case_id, c.resolved, c.helpful, c.rating, c.handoff,
  (SELECT MIN(t.at) FROM transcript t WHERE t.conversation_id = c.id AND t.author = 'AGENT'),
  (SELECT t.name FROM transcript t WHERE t.conversation_id = c.id AND t.author = 'AGENT'
   ORDER BY t.seq LIMIT 1),
  1,
  COALESCE(${stateSteps}, '[]')
FROM conversations c;
