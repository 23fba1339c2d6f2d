-- Sessions: when each one began, for the absolute lifetime. Sessions already
-- open count from this migration (UTC, as Prisma stores times).
ALTER TABLE "Session" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- The app now looks sessions up by the SHA-256 of the cookie's token: hash
-- the tokens already stored, so that nobody is signed out.
UPDATE "Session" SET "sessionToken" = encode(sha256(convert_to("sessionToken", 'UTF8')), 'hex'),
                     "createdAt" = now() AT TIME ZONE 'UTC';

-- Personal access tokens expire. Existing ones get the default lifetime (90
-- days) from today, so that no tool stops without its owner seeing the date.
ALTER TABLE "PersonalAccessToken" ADD COLUMN     "expiresAt" TIMESTAMP(3);
UPDATE "PersonalAccessToken" SET "expiresAt" = (now() AT TIME ZONE 'UTC') + interval '90 days';
ALTER TABLE "PersonalAccessToken" ALTER COLUMN "expiresAt" SET NOT NULL;
