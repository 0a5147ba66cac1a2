-- Feedback the user gives at the end of a conversation ("Was this helpful?", a 1-5 rating), as
-- plain columns so satisfaction can be counted without parsing the state JSON. The store derives
-- them from the state on every write; rows written before this version fill in on their next turn.
ALTER TABLE conversations ADD COLUMN helpful BOOLEAN;
ALTER TABLE conversations ADD COLUMN rating INTEGER;
CREATE INDEX conversations_resolved_updated_at ON conversations (resolved, updated_at);
