-- A claim whose mail never reached SMTP can be taken again after a crash (lib/db/notification-queue.ts).
-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "sendingStartedAt" TIMESTAMP(3);

