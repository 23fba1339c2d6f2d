-- Receipts for comments, the outgoing mail queue, notification settings and follows.
-- CreateEnum
CREATE TYPE "NotificationFrequency" AS ENUM ('IMMEDIATE', 'DAILY', 'OFF');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('RECEIPT', 'REPLY', 'CONSULTATION_OPENED', 'CONSULTATION_LAST_DAY', 'CONSULTATION_CLOSED', 'OUTCOME_PUBLISHED', 'DIGEST');

-- CreateEnum
CREATE TYPE "NotificationDelivery" AS ENUM ('MAIL', 'DIGEST');

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "receiptNumber" TEXT;

-- CreateTable
CREATE TABLE "NotificationSetting" (
    "userId" TEXT NOT NULL,
    "frequency" "NotificationFrequency" NOT NULL DEFAULT 'IMMEDIATE',
    "receipts" BOOLEAN NOT NULL DEFAULT true,
    "replies" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationSetting_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ConsultationFollow" (
    "userId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationFollow_pkey" PRIMARY KEY ("userId","consultationId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "delivery" "NotificationDelivery" NOT NULL DEFAULT 'MAIL',
    "dedupeKey" TEXT NOT NULL,
    "commentId" TEXT,
    "consultationId" TEXT,
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "digestId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConsultationFollow_consultationId_idx" ON "ConsultationFollow"("consultationId");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_claimedAt_runAfter_idx" ON "Notification"("claimedAt", "runAfter");

-- CreateIndex
CREATE INDEX "Notification_userId_delivery_idx" ON "Notification"("userId", "delivery");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_receiptNumber_key" ON "Comment"("receiptNumber");

-- AddForeignKey
ALTER TABLE "NotificationSetting" ADD CONSTRAINT "NotificationSetting_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationFollow" ADD CONSTRAINT "ConsultationFollow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationFollow" ADD CONSTRAINT "ConsultationFollow_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

