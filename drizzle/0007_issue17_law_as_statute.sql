-- Issue 17: law as the statute reads.
-- KL 6:27, reglemente 13 §: the committee's number of seats, vacancies included (null: one per member municipality).
ALTER TABLE "bodies" ADD COLUMN "seats" integer;
