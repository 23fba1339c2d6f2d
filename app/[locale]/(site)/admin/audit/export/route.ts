import { apiActor } from "@/lib/api/authenticate";
import { apiError } from "@/lib/api/respond";
import { auditCsv, auditQuery } from "@/lib/moderation/audit-log";

/** The audit log as CSV, with the filters of the audit page (`?actor=&action=&subjectType=&subjectId=&from=&to=`); administrators only. */
export async function GET(request: Request) {
  try {
    const csv = auditCsv(await apiActor(request), auditQuery(Object.fromEntries(new URL(request.url).searchParams)));
    return new Response(csv, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="audit-log.csv"', "Cache-Control": "no-store" },
    });
  } catch (error) {
    return apiError(error);
  }
}
