-- The team's canned replies: an agent types /shortcut in the reply box to insert the text. Shared by
-- every agent; the shortcut is the key (lower case, letters, digits, - and _).
CREATE TABLE canned_replies (
  shortcut    TEXT PRIMARY KEY,
  text        TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  ${timestamp} NOT NULL
);
