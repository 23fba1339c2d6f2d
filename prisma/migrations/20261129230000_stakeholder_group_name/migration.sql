-- One name for one thing: a comment's copy of its author's stakeholder group is
-- "authorStakeholderGroup", as the API's "stakeholderGroup" and the profile's.
-- A rename keeps every comment's value (prisma-sql-diff would drop and re-add the column).
ALTER TABLE "Comment" RENAME COLUMN "authorGroup" TO "authorStakeholderGroup";

-- PostgreSQL 18 names NOT NULL constraints after their column, and a rename keeps the old name.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'Comment_authorGroup_not_null') THEN
    ALTER TABLE "Comment" RENAME CONSTRAINT "Comment_authorGroup_not_null" TO "Comment_authorStakeholderGroup_not_null";
  END IF;
END $$;
