-- Structured judging (issue 13): whether a judge's verdict was read from an answer given under a JSON schema, the
-- same for a cached answer (so a cache hit reads as it was made), and a model's structured-output setting.
ALTER TABLE judgment ADD COLUMN structured BOOLEAN;
ALTER TABLE cache_entry ADD COLUMN structured BOOLEAN;
ALTER TABLE model_config ADD COLUMN structured_output VARCHAR(16);
