import { getLocale, getTranslations } from "next-intl/server";
import { CommentBody } from "@/components/comments/comment-body";
import { changesOf, countDispositions, finalTextOf } from "@/lib/finalisation/outcome-text";
import { DISPOSITION_OUTCOMES } from "@/lib/finalisation/schemas";
import type { OutcomeMessage } from "@/lib/finalisation/outcome-types";
import { countryName } from "@/lib/profiles/countries";
import { hasChanges } from "@/lib/text/redline";
import { labelGap } from "@/lib/time/format";
import { RedlineText } from "./redline-text";
import { localeDirection } from "@/lib/i18n/locales";

/** How the outcome shows each message: the final text (changes on request), the changes in place, or both for print. */
export type OutcomeView = "text" | "changes" | "print";

type OutcomeMessageViewProps = { message: OutcomeMessage; language: string; headingLevel: number; view: OutcomeView };

/** One message of the outcome: its fate, final text, changes from the draft, note, and how its comments were handled. */
export async function OutcomeMessageView({ message, language, headingLevel, view }: OutcomeMessageViewProps) {
  const t = await getTranslations("outcome");
  const Heading = `h${Math.min(headingLevel, 6)}` as "h3";
  const headingId = `outcome-message-${message.number}`;
  const final = finalTextOf(message);
  const changes = changesOf(message, language);
  const changed = hasChanges(changes);
  const redline = changed ? <RedlineText parts={changes} language={language} /> : <p className="meta">{t("noChanges")}</p>;

  return (
    <article id={`message-${message.number}`} aria-labelledby={headingId} className={`outcome-message fate-${message.fate.toLowerCase()}`}>
      <Heading id={headingId}>{t("message", { number: message.number })}</Heading>
      {message.fate === "DROPPED" ? <p className="fate">{t("dropped")}</p> : null}
      {message.fate === "MERGED" ? (
        <p className="fate">
          {message.mergedIntoNumber ? (
            <a href={`#message-${message.mergedIntoNumber}`}>{t("merged", { number: message.mergedIntoNumber })}</a>
          ) : (
            t("mergedElsewhere")
          )}
        </p>
      ) : null}
      {view === "changes" ? (
        redline
      ) : (
        <>
          {final !== null ? (
            <p className="message-text" lang={language} dir={localeDirection(language)}>
              {final}
            </p>
          ) : null}
          {view === "print" ? (
            changed ? (
              <div className="changes">
                <p className="changes-label">{t("changes")}</p>
                {redline}
              </div>
            ) : null
          ) : (
            <details className="changes">
              <summary>{t("showChanges")}</summary>
              {redline}
            </details>
          )}
        </>
      )}
      {message.fateNote ? (
        <p className="fate-note">
          <strong>{t("note")}</strong>
          {labelGap(t("note"))}
          <span lang={language} dir={localeDirection(language)}>{message.fateNote}</span>
        </p>
      ) : null}
      <DispositionTable message={message} language={language} headingLevel={headingLevel + 1} />
    </article>
  );
}

type DispositionTableProps = { message: OutcomeMessage; language: string; headingLevel: number };

/** The comments on a message with their dispositions and rationales, and how many got which. */
async function DispositionTable({ message, language, headingLevel }: DispositionTableProps) {
  const t = await getTranslations("outcome");
  const labels = await getTranslations("stakeholder");
  const locale = await getLocale();
  const Heading = `h${Math.min(headingLevel, 6)}` as "h3";
  const counts = countDispositions(message.comments);
  const headingId = `outcome-comments-${message.number}`;
  return (
    // Not a landmark: every message has one, and landmarks' names must differ.
    <div className="outcome-comments">
      <Heading id={headingId}>{t("comments")}</Heading>
      {message.comments.length === 0 ? (
        <p className="meta">{t("commentCount", { count: 0 })}</p>
      ) : (
        <>
          <p className="meta">
            {t("answered", { answered: counts.answered, comments: counts.comments })}
            {DISPOSITION_OUTCOMES.filter((outcome) => counts.byOutcome[outcome] > 0).map((outcome) => (
              <span key={outcome}>
                {" · "}
                {t("dispositionCount", { label: t(`dispositions.${outcome}`), count: counts.byOutcome[outcome] })}
              </span>
            ))}
          </p>
          <table className="data-table dispositions">
            <caption>{t("tableCaption", { number: message.number })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("comment")}</th>
                <th scope="col">{t("author")}</th>
                <th scope="col">{t("disposition")}</th>
                <th scope="col">{t("rationale")}</th>
              </tr>
            </thead>
            <tbody>
              {message.comments.map((comment) => (
                <tr key={comment.id} id={`comment-${comment.id}`}>
                  <td>
                    {comment.quoteExact ? (
                      <p className="quote">
                        {t("onPassage")}
                        {labelGap(t("onPassage"))}
                        <q lang={language} dir={localeDirection(language)}>{comment.quoteExact}</q>
                      </p>
                    ) : null}
                    <CommentBody text={comment.body} language={comment.language} />
                  </td>
                  <td>
                    <bdi>{comment.authorName}</bdi>
                    <br />
                    <span className="meta">
                      {/* As the threads show it; a group and a region of the same name are said once. */}
                      {[...new Set([labels(`groups.${comment.authorStakeholderGroup}`), labels(`regions.${comment.authorRegion}`), countryName(comment.authorCountry, locale)])].join(" · ")}
                      {comment.authorOrganisation ? (
                        <>
                          {" · "}
                          <bdi>{comment.authorOrganisation}</bdi>
                        </>
                      ) : null}
                    </span>
                  </td>
                  <td>
                    {comment.disposition ? (
                      <strong className={`disposition disposition-${comment.disposition.outcome.toLowerCase().replace(/_/g, "-")}`}>
                        {t(`dispositions.${comment.disposition.outcome}`)}
                      </strong>
                    ) : (
                      <span className="meta">{t("notAnswered")}</span>
                    )}
                  </td>
                  <td lang={comment.disposition ? language : undefined}>{comment.disposition?.rationale ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
