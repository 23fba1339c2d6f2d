import { ANNOTATION_MEDIA_TYPE, annotationById } from "@/lib/api/annotations";
import { apiBaseUrl, apiError, json, notFound } from "@/lib/api/respond";

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const annotation = await annotationById((await context.params).id, apiBaseUrl());
    return annotation ? json(annotation, { headers: { "Content-Type": ANNOTATION_MEDIA_TYPE } }) : notFound();
  } catch (error) {
    return apiError(error);
  }
}
