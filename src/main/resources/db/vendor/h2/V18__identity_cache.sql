-- H2 only (db/vendor/h2): the identity columns of the tables written on the hot path hand out ids from a cache of
-- 4,096 instead of H2's 32. H2 stores a sequence's high-water mark in a commit of its own each time its cache runs
-- out, so that a batch of 64 recorded items (about 320 rows) cost ten extra commits of the whole store, a quarter of
-- the recorder's CPU. The cache is H2's, for the whole database (not per connection, as PostgreSQL's would be): ids
-- stay in insertion order; a process killed skips at most 4,096 ids, which nothing counts on.
alter table work_item alter column id set cache 4096;
alter table generation alter column id set cache 4096;
alter table judgment alter column id set cache 4096;
alter table comparison alter column id set cache 4096;
alter table prompt_version alter column id set cache 4096;
