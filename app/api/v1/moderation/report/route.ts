import { apiError, json } from "@/lib/api/respond";
import { moderationReport, reportQuery } from "@/lib/moderation/report";

/** The public moderation report: `?from=YYYY-MM-DD&to=YYYY-MM-DD&consultation=slug`, all optional. */
export async function GET(request: Request) {
  try {
    return json(await moderationReport(reportQuery(Object.fromEntries(new URL(request.url).searchParams))));
  } catch (error) {
    return apiError(error);
  }
}
