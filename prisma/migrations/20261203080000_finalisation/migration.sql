-- CreateEnum
CREATE TYPE "MessageFate" AS ENUM ('KEPT', 'DROPPED', 'MERGED');

-- AlterTable
ALTER TABLE "Consultation" ADD COLUMN     "outcomeOverrideReason" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "fate" "MessageFate" NOT NULL DEFAULT 'KEPT',
ADD COLUMN     "fateNote" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "mergedIntoId" TEXT;

-- AlterTable
ALTER TABLE "MessageVersion" ADD COLUMN     "correctionId" TEXT;

-- AlterTable
ALTER TABLE "Disposition" ADD COLUMN     "correctionId" TEXT;

-- CreateTable
CREATE TABLE "OutcomeCorrection" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "messageId" TEXT,
    "note" TEXT NOT NULL,
    "byId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutcomeCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutcomeCorrection_consultationId_createdAt_idx" ON "OutcomeCorrection"("consultationId", "createdAt");

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Message"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageVersion" ADD CONSTRAINT "MessageVersion_correctionId_fkey" FOREIGN KEY ("correctionId") REFERENCES "OutcomeCorrection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disposition" ADD CONSTRAINT "Disposition_correctionId_fkey" FOREIGN KEY ("correctionId") REFERENCES "OutcomeCorrection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeCorrection" ADD CONSTRAINT "OutcomeCorrection_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeCorrection" ADD CONSTRAINT "OutcomeCorrection_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeCorrection" ADD CONSTRAINT "OutcomeCorrection_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

