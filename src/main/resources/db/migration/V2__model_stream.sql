-- Models that stream their answers, so that time to first token is measured.
alter table model_config add column stream boolean default false not null;
