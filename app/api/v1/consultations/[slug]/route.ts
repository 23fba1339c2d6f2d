import { consultationForApi } from "@/lib/api/consultations";
import { apiBaseUrl, apiError, json, notFound } from "@/lib/api/respond";
import { tagPublicPage } from "@/lib/cache/public-pages";

/** Served from Next.js's cache like the public pages (lib/cache/public-pages.ts): rendered again when its data change. */
export const revalidate = 30;
/** None at build time (it has no database): each is rendered on its first request, then kept. */
export async function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  try {
    await tagPublicPage();
    const consultation = await consultationForApi((await context.params).slug, apiBaseUrl());
    return consultation ? json(consultation) : notFound();
  } catch (error) {
    return apiError(error);
  }
}
