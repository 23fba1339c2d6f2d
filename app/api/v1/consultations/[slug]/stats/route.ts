import { apiError, json, notFound } from "@/lib/api/respond";
import { participationStatistics } from "@/lib/stats/participation";

/** A published consultation's participation statistics (shape in the README, "Open data API"). */
export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  try {
    const statistics = await participationStatistics((await context.params).slug);
    return statistics ? json(statistics) : notFound();
  } catch (error) {
    return apiError(error);
  }
}
