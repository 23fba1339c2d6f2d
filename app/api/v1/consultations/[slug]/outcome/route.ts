import { outcomeForApi } from "@/lib/api/outcome";
import { apiBaseUrl, apiError, json, notFound } from "@/lib/api/respond";

/** Served from Next.js's cache like the public pages (lib/cache/public-pages.ts): re-rendered at most every 2 s. */
export const revalidate = 2;
/** None at build time (it has no database): each is rendered on its first request, then kept. */
export async function generateStaticParams() {
  return [];
}

/** The published outcome as open data; 404 until the outcome is published. */
export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  try {
    const outcome = await outcomeForApi((await context.params).slug, apiBaseUrl());
    return outcome ? json(outcome) : notFound();
  } catch (error) {
    return apiError(error);
  }
}
