import { getTranslations } from "next-intl/server";
import { Deadline } from "@/components/consultations/deadline";
import type { DispositionCounts } from "@/lib/finalisation/outcome-text";
import { DISPOSITION_OUTCOMES } from "@/lib/finalisation/schemas";
import type { OutcomeDocument } from "@/lib/finalisation/outcome-types";
import { localeDirection } from "@/lib/i18n/locales";

/** When the outcome was published (and the comments closed), in the reference zone and the reader's own. */
export async function OutcomeDates({ outcome, withClosing = false }: { outcome: OutcomeDocument; withClosing?: boolean }) {
  const t = await getTranslations("outcome");
  return (
    <dl className="facts outcome-dates">
      <dt>{t("published")}</dt>
      <dd>
        <Deadline closesAt={outcome.finalisedAt} referenceTimeZone={outcome.referenceTimeZone} showTimeLeft={false} />
      </dd>
      {withClosing && outcome.closesAt ? (
        <>
          <dt>{t("closed")}</dt>
          <dd>
            <Deadline closesAt={outcome.closesAt} referenceTimeZone={outcome.referenceTimeZone} showTimeLeft={false} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** How many comments got each disposition, as a table. */
export async function DispositionSummary({ counts }: { counts: DispositionCounts }) {
  const t = await getTranslations("outcome");
  return (
    <section aria-labelledby="disposition-summary-heading" className="disposition-summary">
      <h2 id="disposition-summary-heading">{t("byDisposition")}</h2>
      <p>{t("answered", { answered: counts.answered, comments: counts.comments })}</p>
      <table className="data-table">
        <caption className="visually-hidden">{t("byDisposition")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("disposition")}</th>
            <th scope="col" className="number">
              {t("countColumn")}
            </th>
          </tr>
        </thead>
        <tbody>
          {DISPOSITION_OUTCOMES.map((outcome) => (
            <tr key={outcome}>
              <th scope="row">{t(`dispositions.${outcome}`)}</th>
              <td className="number">{counts.byOutcome[outcome]}</td>
            </tr>
          ))}
          {counts.comments > counts.answered ? (
            <tr>
              <th scope="row">{t("notAnswered")}</th>
              <td className="number">{counts.comments - counts.answered}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </section>
  );
}

/** Every correction made since publication, oldest first, with its date and note. */
export async function OutcomeCorrections({ outcome }: { outcome: OutcomeDocument }) {
  const t = await getTranslations("outcome");
  return (
    <section aria-labelledby="corrections-heading" className="outcome-corrections">
      <h2 id="corrections-heading">{t("corrections")}</h2>
      {outcome.corrections.length === 0 ? (
        <p className="meta">{t("noCorrections")}</p>
      ) : (
        <ul>
          {outcome.corrections.map((correction) => (
            <li key={correction.id}>
              <Deadline closesAt={correction.createdAt} referenceTimeZone={outcome.referenceTimeZone} showTimeLeft={false} />
              {correction.messageNumber ? (
                <>
                  {" · "}
                  <a href={`#message-${correction.messageNumber}`}>{t("correctionOfMessage", { number: correction.messageNumber })}</a>
                </>
              ) : null}
              {" — "}
              <span lang={outcome.language} dir={localeDirection(outcome.language)}>{correction.note}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
