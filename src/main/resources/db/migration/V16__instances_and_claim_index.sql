-- Several instances on one database (docs/scale-out.md). Each live process keeps a row here and renews its
-- heartbeat; the work items it holds are taken over only once its heartbeat has expired.
create table app_instance (
    id           varchar(64)  not null primary key,
    name         varchar(255) not null,
    started_at   timestamp with time zone not null,
    heartbeat_at timestamp with time zone not null
);
create index ix_app_instance_heartbeat on app_instance (heartbeat_at);

-- Claims take a run's pending items in id order: with the id in the index they are read straight from it, without
-- visiting the run's finished items. The (run_id, state) index it replaces is a prefix of this one.
create index ix_work_item_run_state_id on work_item (run_id, state, id);
drop index ix_work_item_run_state;
