import { apiError, json, notFound } from "@/lib/api/respond";
import { participationStatistics } from "@/lib/stats/participation";

/** Served from Next.js's cache like the public pages (lib/cache/public-pages.ts): re-rendered at most every 2 s. */
export const revalidate = 2;
/** None at build time (it has no database): each is rendered on its first request, then kept. */
export async function generateStaticParams() {
  return [];
}

/** A published consultation's participation statistics (shape in the README, "Open data API"). */
export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  try {
    const statistics = await participationStatistics((await context.params).slug);
    return statistics ? json(statistics) : notFound();
  } catch (error) {
    return apiError(error);
  }
}
