import { adminEmails } from "@/lib/auth/config";
import { promoteConfiguredAdmins } from "@/lib/auth/roles";
import { disconnectDb } from "@/lib/db/client";
import { pruneRateLimitCounters } from "@/lib/rate-limit";
import { seedDemo, seedDemoTranslation } from "@/prisma/seed/demo";
import { seedDemoOutcome } from "@/prisma/seed/demo-outcome";

/** Everything a start does after migrating: demo data once, configured administrators, housekeeping. */
export async function prepareDatabase() {
  try {
    const { created } = await seedDemo();
    if (created) console.log("Seeded the demo consultation.");
    if ((await seedDemoTranslation()).created) console.log("Seeded the demo's English translation (its first theme).");
    if ((await seedDemoOutcome()).created) console.log("Seeded the demo outcome (a closed consultation with its outcome published).");
    await promoteConfiguredAdmins(adminEmails());
    await pruneRateLimitCounters();
  } finally {
    await disconnectDb();
  }
}
