-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "language" TEXT;

-- Comments written before: their author's language as the profile gives it (the rule for new comments without one).
UPDATE "Comment" c SET "language" = p."preferredLanguage" FROM "StakeholderProfile" p WHERE p."userId" = c."authorId";
