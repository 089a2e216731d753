-- What the harness noticed about a pair, e.g. an answer that addresses the judge (prompt injection).
alter table comparison add column flags varchar(1000);
