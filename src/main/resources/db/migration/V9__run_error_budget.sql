-- Whether a completed run's share of failed items exceeded claimbench.runs.max-error-share when it ended: such a
-- run cannot support a claim. Null for runs that ended before this column existed (read as not exceeded).
alter table eval_run add column error_budget_exceeded boolean;
