-- One row that /ready updates after a failed write, to learn whether writes work again (a full
-- disk, an I/O error). Nothing else reads it.
CREATE TABLE write_probe (
  id  INTEGER PRIMARY KEY,
  n   BIGINT NOT NULL
);
INSERT INTO write_probe (id, n) VALUES (1, 0);
