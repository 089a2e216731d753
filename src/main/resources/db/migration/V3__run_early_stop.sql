-- Runs that stop generating and judging once an anytime-valid confidence sequence settles the claim.
alter table eval_run add column early_stop boolean default false not null;
