-- CreateEnum
CREATE TYPE "AnchorStatus" AS ENUM ('EXACT', 'FUZZY', 'ORPHANED');

-- CreateTable
CREATE TABLE "CommentAgreement" (
    "commentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommentAgreement_pkey" PRIMARY KEY ("commentId","userId")
);

-- CreateTable
CREATE TABLE "CommentAnchor" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "messageVersionId" TEXT NOT NULL,
    "status" "AnchorStatus" NOT NULL,
    "start" INTEGER,
    "end" INTEGER,
    "score" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommentAnchor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonalAccessToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "PersonalAccessToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CommentAgreement_userId_idx" ON "CommentAgreement"("userId");

-- CreateIndex
CREATE INDEX "CommentAnchor_messageVersionId_idx" ON "CommentAnchor"("messageVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "CommentAnchor_commentId_messageVersionId_key" ON "CommentAnchor"("commentId", "messageVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "PersonalAccessToken_tokenHash_key" ON "PersonalAccessToken"("tokenHash");

-- CreateIndex
CREATE INDEX "PersonalAccessToken_userId_idx" ON "PersonalAccessToken"("userId");

-- AddForeignKey
ALTER TABLE "CommentAgreement" ADD CONSTRAINT "CommentAgreement_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentAgreement" ADD CONSTRAINT "CommentAgreement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentAnchor" ADD CONSTRAINT "CommentAnchor_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentAnchor" ADD CONSTRAINT "CommentAnchor_messageVersionId_fkey" FOREIGN KEY ("messageVersionId") REFERENCES "MessageVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonalAccessToken" ADD CONSTRAINT "PersonalAccessToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

