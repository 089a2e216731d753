-- Regression mode: a run may ask whether the candidate is worse than the baseline in production by more than a
-- margin (win rate below 0.5 - margin, accuracy or benchmark score below the baseline's by more than it); null: the
-- run tests the eval set's claims.
alter table eval_run add column regression_margin double precision;
