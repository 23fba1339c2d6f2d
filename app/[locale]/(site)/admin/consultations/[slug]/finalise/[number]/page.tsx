import type { Metadata } from "next";
import { Link } from "@/components/navigation/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StateBadge } from "@/components/consultations/state-badge";
import { DispositionFields } from "@/components/finalisation/disposition-fields";
import { DuplicateGroups } from "@/components/finalisation/duplicate-groups";
import { FateForm, FinalTextForm } from "@/components/finalisation/message-forms";
import { PassageText } from "@/components/finalisation/passage-text";
import { WorkspaceComment } from "@/components/finalisation/workspace-comment";
import { ActionForm } from "@/components/forms/action-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { messageWorkspace } from "@/lib/finalisation/workspace";
import { secretariatPage } from "@/lib/http/page-access";
import { searchParam } from "@/lib/http/search-params";
import { dispositionAction, fateAction, finalTextAction } from "../actions";
import { localeDirection } from "@/lib/i18n/locales";

type WorkspacePageProps = {
  params: Promise<{ slug: string; number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const BULK_FORM = "bulk-disposition";

export async function generateMetadata({ params }: WorkspacePageProps): Promise<Metadata> {
  const { number } = await params;
  return { title: (await getTranslations("finalise.workspace"))("title", { number: decodeURIComponent(number) }) };
}

export default async function MessageWorkspacePage({ params, searchParams }: WorkspacePageProps) {
  const { slug, number: encoded } = await params;
  const number = decodeURIComponent(encoded);
  const base = `/admin/consultations/${slug}/finalise`;
  const actor = await secretariatPage(`${base}/${encoded}`);
  const workspace = await messageWorkspace(actor, slug, number);
  if (!workspace) notFound();
  const { consultation, state, message, draft, final, comments, duplicates } = workspace;
  const t = await getTranslations("finalise");
  const published = state === "FINAL";
  const finalisable = state === "CLOSED" || published;
  // "Select this group" works without JavaScript: the page comes back with the group's boxes ticked.
  const group = duplicates[Number(searchParam((await searchParams).group) ?? "-1")];
  const selected = new Set(group?.comments.map((comment) => comment.id) ?? []);
  const here = `${base}/${message.number}`;
  return (
    <div className="admin-consultation">
      <p className="eyebrow">
        <Link href={base}>{t("title")}</Link> · <span lang={consultation.language} dir={localeDirection(consultation.language)}>{consultation.title}</span>
      </p>
      <h1>{t("workspace.title", { number: message.number })}</h1>
      <p className="meta">
        <StateBadge state={state} /> · {message.section.number} <span lang={consultation.language} dir={localeDirection(consultation.language)}>{message.section.heading}</span>
      </p>
      <nav aria-label={t("workspace.neighbours")} className="message-sequence">
        <p>{t("workspace.position", workspace.position)}</p>
        <ul>
          {workspace.previous ? (
            <li>
              <Link href={`${base}/${workspace.previous}`} rel="prev">
                <span aria-hidden="true" className="direction-arrow">←</span>{" "}
                {t("workspace.previous", { number: workspace.previous })}
              </Link>
            </li>
          ) : null}
          {workspace.next ? (
            <li>
              <Link href={`${base}/${workspace.next}`} rel="next">
                {t("workspace.next", { number: workspace.next })}
                {" "}<span aria-hidden="true" className="direction-arrow">→</span>
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>
      {finalisable ? null : (
        <p role="status" className="form-alert error">
          {t("errors.notClosed")}
        </p>
      )}
      {published ? <p className="form-alert">{t("corrections.intro")}</p> : null}

      <h2>{t("workspace.draftHeading", { version: draft?.number ?? 0 })}</h2>
      {draft ? <PassageText text={draft.text} language={consultation.language} passages={workspace.passages} commentHref={(id) => `#comment-${id}`} /> : null}

      <ClientMessages namespaces={["finalise"]}>
        <section aria-labelledby="comments-heading">
          <h2 id="comments-heading">{t("workspace.commentsHeading", { count: comments.length })}</h2>
          <h3>{t("duplicates.heading")}</h3>
          <DuplicateGroups groups={duplicates} commentHref={(_number, id) => `#comment-${id}`} selectHref={(index) => `${here}?group=${index}#bulk-heading`} />
          {comments.length === 0 ? (
            <p>{t("workspace.noComments")}</p>
          ) : (
            <>
              <ol className="queue">
                {comments.map((comment) => (
                  <WorkspaceComment
                    key={comment.id}
                    comment={comment}
                    consultationId={consultation.id}
                    action={dispositionAction}
                    bulkFormId={BULK_FORM}
                    selected={selected.has(comment.id)}
                    published={published}
                    timeZone={consultation.referenceTimeZone}
                  />
                ))}
              </ol>
              <section aria-labelledby="bulk-heading" className="queue-bulk">
                <h3 id="bulk-heading" tabIndex={-1}>
                  {t("workspace.bulkHeading")}
                </h3>
                <p className="hint">{group ? t("workspace.groupSelected", { count: selected.size }) : t("workspace.bulkHint")}</p>
                <ActionForm action={dispositionAction} id={BULK_FORM} label={t("workspace.bulkHeading")}>
                  <input type="hidden" name="consultationId" value={consultation.id} />
                  <DispositionFields idPrefix="bulk" published={published} />
                  <button type="submit">{t("workspace.bulkSend")}</button>
                </ActionForm>
              </section>
            </>
          )}
        </section>

        <section aria-labelledby="final-heading">
          <h2 id="final-heading">{t("workspace.finalTextHeading")}</h2>
          <p className="hint">{final ? t("workspace.finalWritten", { version: final.number }) : t("workspace.finalNotWritten")}</p>
          {message.fate === "KEPT" ? (
            <FinalTextForm action={finalTextAction} messageId={message.id} text={final?.text ?? draft?.text ?? ""} language={consultation.language} published={published} />
          ) : (
            <p>{t("workspace.finalTextOnlyKept")}</p>
          )}
        </section>

        <section aria-labelledby="fate-heading">
          <h2 id="fate-heading">{t("workspace.fateHeading")}</h2>
          <FateForm action={fateAction} message={message} mergeTargets={workspace.mergeTargets} published={published} />
        </section>
      </ClientMessages>
    </div>
  );
}
