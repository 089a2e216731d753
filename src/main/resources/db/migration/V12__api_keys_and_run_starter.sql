-- API keys created over the API (and the first start's admin key): their SHA-256 only, never the key.
create table api_key (
    id          varchar(36)  primary key,
    name        varchar(64)  not null,
    key_hash    varchar(80)  not null,
    key_prefix  varchar(16)  not null,
    roles       varchar(100) not null,
    created_at  timestamp with time zone not null,
    created_by  varchar(200) not null,
    revoked_at  timestamp with time zone
);
create unique index api_key_hash on api_key (key_hash);

-- Who started a run: the key's name (key:<name>), an OIDC principal, or the operator's CLI.
alter table eval_run add column started_by varchar(200);
