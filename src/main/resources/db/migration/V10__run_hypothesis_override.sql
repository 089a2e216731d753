-- A run may test its eval set's win-rate claim against its own comparator and threshold (say, a team's bar for a
-- new model version); both null: the eval set's own.
alter table eval_run add column hypothesis_comparator varchar(8);
alter table eval_run add column hypothesis_threshold double precision;
