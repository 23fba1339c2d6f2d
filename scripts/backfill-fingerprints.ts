// npm run comments:fingerprint — once after the moderation_flow migration (comments written before it have no fingerprint).
import { backfillFingerprints } from "@/lib/moderation/fingerprints";
import { withAppDatabase } from "./with-app-database";

await withAppDatabase(async () => {
  console.log(`Fingerprints written: ${await backfillFingerprints()}.`);
});
