import { publicComments } from "@/lib/api/public-comments";
import { apiBaseUrl, apiError, json, notFound } from "@/lib/api/respond";

export async function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  try {
    const cursor = new URL(request.url).searchParams.get("cursor");
    const page = await publicComments((await context.params).slug, apiBaseUrl(), cursor);
    return page ? json(page) : notFound();
  } catch (error) {
    return apiError(error);
  }
}
