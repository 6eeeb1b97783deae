-- A flag that no longer holds (coverage: a usable take arrived; continuity: the check no longer finds it) is kept
-- and marked resolved: when, and why in words. Found again, both go back to null (the flag is open again).
ALTER TABLE flag ADD COLUMN resolved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE flag ADD COLUMN resolution VARCHAR(1024);
