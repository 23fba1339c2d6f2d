-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'COMMENT_HIDDEN';
ALTER TYPE "NotificationKind" ADD VALUE 'COMMENT_HELD';
ALTER TYPE "NotificationKind" ADD VALUE 'APPEAL_DECIDED';

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "bodyFingerprint" TEXT;

-- CreateIndex
CREATE INDEX "Comment_bodyFingerprint_idx" ON "Comment"("bodyFingerprint");


-- Comments written before this migration have no fingerprint: `npm run comments:fingerprint`
-- fills them in (the normaliser is JavaScript's Unicode handling, which SQL cannot repeat exactly).
-- Hiding a comment writes its fingerprint too, so every comment hidden from now on is matched.
