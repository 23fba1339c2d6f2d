import { outcomeForApi } from "@/lib/api/outcome";
import { apiBaseUrl, apiError, json, notFound } from "@/lib/api/respond";

/** The published outcome as open data; 404 until the outcome is published. */
export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  try {
    const outcome = await outcomeForApi((await context.params).slug, apiBaseUrl());
    return outcome ? json(outcome) : notFound();
  } catch (error) {
    return apiError(error);
  }
}
