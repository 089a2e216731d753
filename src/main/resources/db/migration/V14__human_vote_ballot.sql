-- Blind votes cast on the voting page: the side the candidate's answer was shown on (LEFT, RIGHT), the choice as the
-- voter made it (LEFT, RIGHT, TIE, BOTH_BAD; outcome keeps it from the candidate's side) and an optional reason.
-- Imported labels leave all three null.
alter table human_vote add column candidate_side varchar(8);
alter table human_vote add column choice varchar(16);
alter table human_vote add column reason varchar(500);
