-- Running sums for early stopping, updated in the transaction that records an item (runs/RunTotals), so that the
-- check after each item reads one row instead of every comparison of the run, whichever process recorded them.
create table run_totals (
    run_id          varchar(36)      not null primary key references eval_run(id),
    recorded        bigint           not null,
    settled_prompts bigint           not null,
    settled_sum     double precision not null
);
-- The comparisons of one prompt in a run (its samples), read when an item is recorded; and the keyset order of a
-- run's comparisons (pages, reports).
create index ix_comparison_run_prompt on comparison (run_id, prompt_version_id);
create index ix_comparison_run_item on comparison (run_id, work_item_id);
