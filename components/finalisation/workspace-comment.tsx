import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import type { FormAction } from "@/lib/actions/form-state";
import { textLanguage } from "@/lib/i18n/locales";
import type { messageWorkspace } from "@/lib/finalisation/workspace";
import { formatInstant } from "@/lib/time/format";
import { DispositionFields } from "./disposition-fields";

export type WorkspaceCommentView = NonNullable<Awaited<ReturnType<typeof messageWorkspace>>>["comments"][number];

type WorkspaceCommentProps = {
  comment: WorkspaceCommentView;
  consultationId: string;
  action: FormAction;
  bulkFormId: string;
  selected: boolean;
  published: boolean;
  timeZone: string;
};

/** One top-level comment: who wrote what on which passage, its current disposition, a box for the bulk form and its own form. */
export async function WorkspaceComment({ comment, consultationId, action, bulkFormId, selected, published, timeZone }: WorkspaceCommentProps) {
  const t = await getTranslations("finalise");
  const s = await getTranslations("stakeholder");
  const locale = await getLocale();
  const id = (suffix: string) => `c-${comment.id}-${suffix}`;
  const { author, disposition } = comment;
  return (
    <li id={`comment-${comment.id}`}>
      <article className="queue-item" aria-labelledby={id("heading")}>
        <header>
          <div className="choice">
            {/* Keyed by the selection: a "select group" link followed in the browser remounts the box, so defaultChecked applies. */}
            <input key={String(selected)} type="checkbox" id={id("select")} name="commentIds" value={comment.id} form={bulkFormId} defaultChecked={selected} />
            <label htmlFor={id("select")}>{t("workspace.selectComment", { name: author.name })}</label>
          </div>
          <h3 id={id("heading")}>
            {comment.passageNumber ? `[${comment.passageNumber}] ` : null}
            {t("workspace.commentBy", { name: author.name })}
          </h3>
          <p className="meta">
            {s(`groups.${author.stakeholderGroup}`)} · {s(`regions.${author.region}`)} · {author.country}
            {author.organisation ? ` · ${author.organisation}` : null} · {formatInstant(comment.createdAt, locale, timeZone)}
            {comment.replies > 0 ? <> · {t("workspace.replies", { count: comment.replies })}</> : null}
          </p>
        </header>
        {comment.quote ? (
          <blockquote className="quote">
            <p className="meta">{t("workspace.onPassage")}</p>
            <p>{comment.quote}</p>
          </blockquote>
        ) : null}
        <p className="queue-text" {...textLanguage(comment.language)}>{comment.body}</p>
        <p className="meta" id={id("current")}>
          {disposition ? (
            <>
              <strong>{t(`outcomes.${disposition.outcome}`)}</strong>
              {disposition.rationale ? <> — {disposition.rationale}</> : null} ({formatInstant(disposition.createdAt, locale, timeZone)})
            </>
          ) : (
            <strong>{t("workspace.unanswered")}</strong>
          )}
        </p>
        <ActionForm
          action={action}
          label={t("workspace.answerLabel", { name: author.name })}
          disclosure={{ summary: disposition ? t("workspace.changeDisposition") : t("workspace.answer"), className: "queue-action" }}
        >
          <input type="hidden" name="consultationId" value={consultationId} />
          <input type="hidden" name="commentIds" value={comment.id} />
          <DispositionFields idPrefix={id("d")} published={published} defaultOutcome={disposition?.outcome} defaultRationale={disposition?.rationale} />
          <button type="submit">{t("workspace.saveDisposition")}</button>
        </ActionForm>
      </article>
    </li>
  );
}
