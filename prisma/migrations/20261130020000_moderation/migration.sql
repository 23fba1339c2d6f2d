-- Moderation (issue 10): the code of participation's flag categories, comments
-- waiting for approval, the moderation state on the comment, what a flag saw,
-- system actions, appeals, pre-moderation, and an append-only audit log.
-- Written by hand from prisma-sql-diff's output: the enum change keeps every
-- existing value, and the comment's new column is added after the type exists.

-- The flag categories become the code of participation's; old values are mapped, none dropped with data.
CREATE TYPE "FlagReason_new" AS ENUM ('SPAM', 'HARASSMENT_OR_HATE', 'VIOLENT_EXTREMISM', 'PERSONAL_DATA', 'OFF_TOPIC', 'OTHER');
CREATE FUNCTION pg_temp.flag_reason(old text) RETURNS "FlagReason_new" LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE old
    WHEN 'HARASSMENT' THEN 'HARASSMENT_OR_HATE'
    WHEN 'HATE_SPEECH' THEN 'HARASSMENT_OR_HATE'
    WHEN 'ILLEGAL_CONTENT' THEN 'OTHER'
    ELSE old
  END::"FlagReason_new"
$$;
ALTER TABLE "Flag" ALTER COLUMN "reason" TYPE "FlagReason_new" USING (pg_temp.flag_reason("reason"::text));
ALTER TABLE "ModerationAction" ALTER COLUMN "reasonCategory" TYPE "FlagReason_new" USING (pg_temp.flag_reason("reasonCategory"::text));
DROP TYPE "FlagReason";
ALTER TYPE "FlagReason_new" RENAME TO "FlagReason";

CREATE TYPE "AppealOutcome" AS ENUM ('UPHELD', 'REVERSED');
ALTER TYPE "CommentStatus" ADD VALUE 'PENDING' BEFORE 'HIDDEN';
ALTER TYPE "ModerationActionKind" ADD VALUE 'AUTO_HIDE_COMMENT' AFTER 'HIDE_COMMENT';
ALTER TYPE "ModerationActionKind" ADD VALUE 'HOLD_COMMENT' AFTER 'AUTO_HIDE_COMMENT';
ALTER TYPE "ModerationActionKind" ADD VALUE 'APPROVE_COMMENT' AFTER 'HOLD_COMMENT';

ALTER TABLE "Consultation" ADD COLUMN "preModeration" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "Comment" ADD COLUMN "moderatedAt" TIMESTAMP(3),
ADD COLUMN "moderationNote" TEXT,
ADD COLUMN "moderationReason" "FlagReason";

-- A flag made before snapshots existed keeps the comment's text as it is now.
ALTER TABLE "Flag" ADD COLUMN "bodySnapshot" TEXT;
UPDATE "Flag" f SET "bodySnapshot" = c.body FROM "Comment" c WHERE c.id = f."commentId";
ALTER TABLE "Flag" ALTER COLUMN "bodySnapshot" SET NOT NULL;

ALTER TABLE "ModerationAction" ADD COLUMN "note" TEXT,
ALTER COLUMN "moderatorId" DROP NOT NULL;

CREATE TABLE "Appeal" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "moderationActionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" "AppealOutcome",
    "decisionNote" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "Appeal_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Appeal_moderationActionId_key" ON "Appeal"("moderationActionId");
CREATE INDEX "Appeal_commentId_idx" ON "Appeal"("commentId");
CREATE INDEX "Appeal_outcome_createdAt_idx" ON "Appeal"("outcome", "createdAt");
CREATE INDEX "Flag_reporterId_createdAt_idx" ON "Flag"("reporterId", "createdAt");

ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_moderationActionId_fkey" FOREIGN KEY ("moderationActionId") REFERENCES "ModerationAction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The audit log is append-only: the database itself refuses to change or remove an event.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
