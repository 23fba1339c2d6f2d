-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "translatedTextId" TEXT;

-- CreateTable
CREATE TABLE "Translation" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "introduction" TEXT NOT NULL DEFAULT '',
    "translators" TEXT NOT NULL,
    "importedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Translation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TranslatedSection" (
    "translationId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "heading" TEXT NOT NULL,
    "introduction" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "TranslatedSection_pkey" PRIMARY KEY ("translationId","sectionId")
);

-- CreateTable
CREATE TABLE "TranslatedText" (
    "id" TEXT NOT NULL,
    "translationId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "sourceVersionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TranslatedText_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Translation_consultationId_language_key" ON "Translation"("consultationId", "language");

-- CreateIndex
CREATE INDEX "TranslatedSection_sectionId_idx" ON "TranslatedSection"("sectionId");

-- CreateIndex
CREATE INDEX "TranslatedText_messageId_idx" ON "TranslatedText"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "TranslatedText_translationId_messageId_number_key" ON "TranslatedText"("translationId", "messageId", "number");

-- CreateIndex
CREATE INDEX "Comment_translatedTextId_idx" ON "Comment"("translatedTextId");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_translatedTextId_fkey" FOREIGN KEY ("translatedTextId") REFERENCES "TranslatedText"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Translation" ADD CONSTRAINT "Translation_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Translation" ADD CONSTRAINT "Translation_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TranslatedSection" ADD CONSTRAINT "TranslatedSection_translationId_fkey" FOREIGN KEY ("translationId") REFERENCES "Translation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TranslatedSection" ADD CONSTRAINT "TranslatedSection_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TranslatedText" ADD CONSTRAINT "TranslatedText_translationId_fkey" FOREIGN KEY ("translationId") REFERENCES "Translation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TranslatedText" ADD CONSTRAINT "TranslatedText_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TranslatedText" ADD CONSTRAINT "TranslatedText_sourceVersionId_fkey" FOREIGN KEY ("sourceVersionId") REFERENCES "MessageVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

