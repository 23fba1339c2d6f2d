import { ANNOTATION_MEDIA_TYPE, annotationExport } from "@/lib/api/annotations";
import { apiBaseUrl, apiError, json, notFound } from "@/lib/api/respond";

/** The W3C AnnotationCollection, or with ?page=N (from 0) one AnnotationPage. */
export async function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  try {
    const pageParam = new URL(request.url).searchParams.get("page");
    const page = pageParam === null ? null : /^\d+$/.test(pageParam) ? Number(pageParam) : -1;
    const body = await annotationExport((await context.params).slug, apiBaseUrl(), page);
    return body ? json(body, { headers: { "Content-Type": ANNOTATION_MEDIA_TYPE } }) : notFound();
  } catch (error) {
    return apiError(error);
  }
}
