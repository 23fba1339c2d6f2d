import type { Metadata } from "next";
import { Link } from "@/components/navigation/link";
import { getTranslations } from "next-intl/server";
import { ANNOTATION_PAGE_SIZE } from "@/lib/api/annotations";
import { API_PAGE_SIZE } from "@/lib/api/consultations";
import { COMMENTS_PAGE_SIZE } from "@/lib/api/public-comments";
import { appUrl } from "@/lib/auth/config";
import { TOKEN_LIFETIME_DAYS } from "@/lib/auth/schemas";
import { AGREE_LIMIT } from "@/lib/comments/agree";
import { EDIT_LIMIT } from "@/lib/comments/change-comment";
import { COMMENT_LIMITS } from "@/lib/comments/create-comment";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("developers"))("title") };
}

const READ_ENDPOINTS = [
  ["GET /api/v1/consultations", "list"],
  ["GET /api/v1/consultations/{slug}", "consultation"],
  ["GET /api/v1/consultations/{slug}/comments", "comments"],
  ["GET /api/v1/consultations/{slug}/annotations", "annotations"],
  ["GET /api/v1/annotations/{id}", "annotation"],
  ["GET /api/v1/moderation/report", "moderationReport"],
] as const;

const OUTCOME_ENDPOINTS = [
  ["GET /api/v1/consultations/{slug}/outcome", "json"],
  ["GET /api/v1/consultations/{slug}/outcome.md", "markdown"],
  ["GET /api/v1/consultations/{slug}/outcome.docx", "docx"],
] as const;

const EXPORT_ENDPOINTS = [
  ["GET /api/v1/consultations/{slug}/comments.csv", "commentsCsv"],
  ["GET /api/v1/consultations/{slug}/comments.json", "commentsJson"],
] as const;

const WRITE_ENDPOINTS = [
  ["POST /api/v1/messages/{id}/comments", "create"],
  ["PATCH /api/v1/comments/{id}", "edit"],
  ["DELETE /api/v1/comments/{id}", "withdraw"],
  ["POST /api/v1/comments/{id}/agree", "agree"],
  ["DELETE /api/v1/comments/{id}/agree", "undoAgree"],
  ["POST /api/v1/comments/{id}/flag", "flag"],
  ["GET /api/v1/comments/{id}/evidence", "commentEvidence"],
  ["GET /api/v1/users/{id}/evidence", "userEvidence"],
] as const;

function EndpointTable({ rows, caption, describe }: { rows: readonly (readonly [string, string])[]; caption: string; describe: (key: string) => string }) {
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <tbody>
        {rows.map(([request, key]) => (
          <tr key={request}>
            <th scope="row">
              <code>{request}</code>
            </th>
            <td>{describe(key)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The open-data and write API explained for people who build tools on it. */
export default async function DevelopersPage() {
  const t = await getTranslations("developers");
  const a = await getTranslations("annotationSource");
  const o = await getTranslations("outcome.api");
  const exportsT = await getTranslations("exports.developers");
  const base = appUrl();
  const days = TOKEN_LIFETIME_DAYS.join(", ");
  return (
    <article className="prose">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>

      <section aria-labelledby="reading-heading">
        <h2 id="reading-heading">{t("readingHeading")}</h2>
        <p>{t("readingIntro")}</p>
        <EndpointTable
          rows={READ_ENDPOINTS}
          caption={t("readingCaption")}
          describe={(key) => t(`read.${key}`, { pageSize: API_PAGE_SIZE, commentsPageSize: COMMENTS_PAGE_SIZE, annotationsPageSize: ANNOTATION_PAGE_SIZE })}
        />
        <pre className="code-block">
          <code>{`curl ${base}/api/v1/consultations`}</code>
        </pre>
      </section>

      <section aria-labelledby="anchoring-heading">
        <h2 id="anchoring-heading">{a("anchoringHeading")}</h2>
        <p>{a("anchoringText")}</p>
        <p>
          <code>GET /api/v1/messages/{"{id}"}/versions/{"{number}"}/text</code>: {a("versionTextEndpoint")}
        </p>
        <pre className="code-block">
          <code>{`curl -s ${base}/api/v1/annotations/ANNOTATION_ID | jq -r .target.source.id | xargs curl -s`}</code>
        </pre>
      </section>

      <section aria-labelledby="outcome-api-heading">
        <h2 id="outcome-api-heading">{o("heading")}</h2>
        <p>{o("intro")}</p>
        <EndpointTable rows={OUTCOME_ENDPOINTS} caption={o("caption")} describe={(key) => o(key as (typeof OUTCOME_ENDPOINTS)[number][1])} />
      </section>

      <section aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">{exportsT("heading")}</h2>
        <p>{exportsT("intro")}</p>
        <EndpointTable rows={EXPORT_ENDPOINTS} caption={exportsT("caption")} describe={(key) => exportsT(key as (typeof EXPORT_ENDPOINTS)[number][1])} />
      </section>

      <section aria-labelledby="ids-heading">
        <h2 id="ids-heading">{t("idsHeading")}</h2>
        <p>{t("idsText")}</p>
        <pre className="code-block">
          <code>{`curl -s ${base}/api/v1/consultations/SLUG \\\n  | jq '.. | .messages? // empty | .[] | {id, number, text}'`}</code>
        </pre>
      </section>

      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">{t("tokensHeading")}</h2>
        <p>
          {t("tokensText", { days })} <Link href="/account">{t("tokensLink")}</Link>
        </p>
        <p>{t("idempotency")}</p>
        <EndpointTable rows={WRITE_ENDPOINTS} caption={t("writingCaption")} describe={(key) => t(`write.${key}`)} />
        <pre className="code-block">
          <code>
            {`curl -X POST ${base}/api/v1/messages/MESSAGE_ID/comments \\\n  -H "Authorization: Bearer cst_…" \\\n  -H "Content-Type: application/json" \\\n  -H "Idempotency-Key: our-tool-42" \\\n  -d '{"body": "Please name the funding mechanism.", "selector": {"exact": "数字鸿沟", "start": 28, "end": 32}}'`}
          </code>
        </pre>
        <p>{t("selectorText")}</p>
      </section>

      <section aria-labelledby="limits-heading">
        <h2 id="limits-heading">{t("limitsHeading")}</h2>
        <ul>
          <li>{t("limits.comments", { perMinute: COMMENT_LIMITS.perMinute.limit, perDay: COMMENT_LIMITS.perDay.limit })}</li>
          <li>{t("limits.edits", { perMinute: EDIT_LIMIT.limit })}</li>
          <li>{t("limits.agreements", { perMinute: AGREE_LIMIT.limit })}</li>
          <li>{t("limits.size")}</li>
        </ul>
        <p>{t("limitsText")}</p>
      </section>

      <section aria-labelledby="errors-heading">
        <h2 id="errors-heading">{t("errorsHeading")}</h2>
        <p>{t("errorsText")}</p>
        <pre className="code-block">
          <code>{`{"error": {"code": "VALIDATION", "message": "…", "fields": {"body": {"code": "commentBodyRequired", "message": "Write your comment."}}}}`}</code>
        </pre>
      </section>
    </article>
  );
}
