-- Indexes for what the code queries by: a run's judgments (results, judge quality), an eval set's runs
-- (leaderboard, catalog views). The unique constraint on (comparison_id, voter) already indexes votes by
-- comparison, so the separate index on comparison_id alone only slowed writes.
create index ix_judgment_run on judgment (run_id);
create index ix_eval_run_eval_set on eval_run (eval_set_id);
drop index ix_human_vote_comparison;
