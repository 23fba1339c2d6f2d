import { apiError, json, notFound } from "@/lib/api/respond";
import { participationStatistics } from "@/lib/stats/participation";
import { tagPublicPage } from "@/lib/cache/public-pages";

/** Served from Next.js's cache like the public pages (lib/cache/public-pages.ts): rendered again when its data change. */
export const revalidate = 30;
/** None at build time (it has no database): each is rendered on its first request, then kept. */
export async function generateStaticParams() {
  return [];
}

/** A published consultation's participation statistics (shape in the README, "Open data API"). */
export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  try {
    await tagPublicPage();
    const statistics = await participationStatistics((await context.params).slug);
    return statistics ? json(statistics) : notFound();
  } catch (error) {
    return apiError(error);
  }
}
