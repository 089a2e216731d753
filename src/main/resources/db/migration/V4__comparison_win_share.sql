-- A comparison's win share for the candidate when a judge gave a probability (imported AlpacaEval verdicts);
-- null when the outcome alone says it (1 win, 0.5 tie, 0 loss).
alter table comparison add column win_share double precision;
