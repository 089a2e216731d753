-- Several judges per run (a panel) with a majority or mean verdict, and adaptive swap: the second order is judged
-- only when the first verdict is not decisive, or when the pair falls in the random audit share.
alter table eval_run add column judges text;
alter table eval_run add column judge_aggregate varchar(16);
alter table eval_run add column swap_mode varchar(16);
alter table eval_run add column swap_audit double precision;
alter table comparison add column swap_audited boolean;
