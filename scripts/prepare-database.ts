import { adminEmails } from "@/lib/auth/config";
import { promoteConfiguredAdmins } from "@/lib/auth/roles";
import { disconnectDb } from "@/lib/db/client";
import { pruneRateLimitCounters } from "@/lib/rate-limit";
import { seedDemo } from "@/prisma/seed/demo";

/** Everything a start does after migrating: demo data once, configured administrators, housekeeping. */
export async function prepareDatabase() {
  try {
    const { created } = await seedDemo();
    if (created) console.log("Seeded the demo consultation.");
    await promoteConfiguredAdmins(adminEmails());
    await pruneRateLimitCounters();
  } finally {
    await disconnectDb();
  }
}
