import { consultationForApi } from "@/lib/api/consultations";
import { apiBaseUrl, apiError, json, notFound } from "@/lib/api/respond";

export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  try {
    const consultation = await consultationForApi((await context.params).slug, apiBaseUrl());
    return consultation ? json(consultation) : notFound();
  } catch (error) {
    return apiError(error);
  }
}
