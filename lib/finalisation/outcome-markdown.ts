import { interfaceLocaleOf } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import { countryName } from "@/lib/profiles/countries";
import { formatInstant, labelColon, labelGap } from "@/lib/time/format";
import type { RedlinePart } from "@/lib/text/redline";
import { changesOf, countDispositions, documentCounts, finalTextOf } from "./outcome-text";
import { DISPOSITION_OUTCOMES } from "./schemas";
import type { OutcomeDocument, OutcomeMessage, OutcomeSection } from "./outcome-types";

/**
 * The outcome as a Markdown document (CommonMark with GitHub's tables): the
 * final texts in their sections, the changes from the draft as inline
 * <del>/<ins> (which CommonMark passes through and renderers show struck and
 * underlined), and the comments with their dispositions. All text from people
 * is escaped, so it cannot become markup.
 */
export function outcomeMarkdown(outcome: OutcomeDocument): string {
  const locale = interfaceLocaleOf(outcome.language);
  const translate = translatorFor(locale);
  const t = (key: string, values?: Record<string, string | number>) => translate(`outcome.${key}` as never, values as never);
  const s = translatorFor(locale);
  const colon = labelColon(locale);
  const date = (value: Date) => formatInstant(value, locale, outcome.referenceTimeZone);
  const lines: string[] = [];
  const paragraph = (text: string) => lines.push(text, "");

  paragraph(`# ${inline(outcome.title)}`);
  paragraph(t("heading"));
  paragraph(
    [t("markdownPublished", { date: date(outcome.finalisedAt) }), outcome.closesAt ? t("markdownClosed", { date: date(outcome.closesAt) }) : null]
      .filter(Boolean)
      .join("  \n"),
  );
  if (outcome.introduction) paragraph(block(outcome.introduction));

  const counts = documentCounts(outcome);
  paragraph(`## ${t("byDisposition")}`);
  paragraph(
    [
      `- ${t("answered", { answered: counts.answered, comments: counts.comments })}`,
      ...DISPOSITION_OUTCOMES.map((key) => `- ${t("dispositionCount", { label: t(`dispositions.${key}`), count: counts.byOutcome[key] })}`),
    ].join("\n"),
  );
  paragraph(`*${inline(t("legend"))}*`);

  const message = (item: OutcomeMessage, depth: number) => {
    paragraph(`${"#".repeat(Math.min(depth, 6))} ${t("message", { number: item.number })}`);
    if (item.fate === "DROPPED") paragraph(`**${t("dropped")}**`);
    if (item.fate === "MERGED") paragraph(`**${item.mergedIntoNumber ? t("merged", { number: item.mergedIntoNumber }) : t("mergedElsewhere")}**`);
    const final = finalTextOf(item);
    if (final !== null) paragraph(block(final));
    if (item.fateNote) paragraph(`${t("note")}${labelGap(t("note"))}${inline(item.fateNote)}`);
    const changes = changesOf(item, outcome.language);
    paragraph(`**${t("changes")}**`);
    paragraph(changes.some((part) => part.kind !== "equal") ? `> ${redlineMarkdown(changes).replace(/\n/g, "\n> ")}` : t("noChanges"));

    const messageCounts = countDispositions(item.comments);
    if (item.comments.length === 0) {
      paragraph(`**${t("comments")}**${colon}${t("commentCount", { count: 0 })}`);
      return;
    }
    paragraph(`**${t("comments")}** (${t("answered", { answered: messageCounts.answered, comments: messageCounts.comments })})`);
    const rows = item.comments.map((comment) => {
      const author = [
        ...new Set([
          comment.authorName,
          s(`stakeholder.groups.${comment.authorStakeholderGroup}` as never),
          s(`stakeholder.regions.${comment.authorRegion}` as never),
          countryName(comment.authorCountry, locale),
        ]),
        comment.authorOrganisation,
      ].filter(Boolean).join(" · ");
      const body = comment.quoteExact ? `${t("onPassage")}${labelGap(t("onPassage"))}“${comment.quoteExact}” — ${comment.body}` : comment.body;
      const handled = comment.disposition ? t(`dispositions.${comment.disposition.outcome}`) : t("notAnswered");
      return [body, author, handled, comment.disposition?.rationale ?? ""].map(cell);
    });
    paragraph(
      [
        `| ${[t("comment"), t("author"), t("disposition"), t("rationale")].join(" | ")} |`,
        "| --- | --- | --- | --- |",
        ...rows.map((row) => `| ${row.join(" | ")} |`),
      ].join("\n"),
    );
  };
  const section = (item: OutcomeSection, depth: number) => {
    paragraph(`${"#".repeat(Math.min(depth, 6))} ${inline(item.number)} ${inline(item.heading)}`);
    if (item.introduction) paragraph(block(item.introduction));
    for (const each of item.messages) message(each, depth + 1);
    for (const each of item.sections) section(each, depth + 1);
  };
  for (const each of outcome.sections) section(each, 2);

  paragraph(`## ${t("corrections")}`);
  if (outcome.corrections.length === 0) paragraph(t("noCorrections"));
  else {
    paragraph(
      outcome.corrections
        .map((correction) => {
          const about = correction.messageNumber ? ` (${t("correctionOfMessage", { number: correction.messageNumber })})` : "";
          return `- ${date(correction.createdAt)}${about}${colon}${inline(correction.note)}`;
        })
        .join("\n"),
    );
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** Changes as inline HTML that Markdown renderers show struck through and underlined. */
export function redlineMarkdown(parts: RedlinePart[]): string {
  return parts
    .map((part) => {
      const text = inline(part.text);
      if (part.kind === "delete") return `<del>${text}</del>`;
      if (part.kind === "insert") return `<ins>${text}</ins>`;
      return text;
    })
    .join("");
}

/** Text from people within a line: Markdown's and HTML's special characters escaped, line breaks kept as breaks. */
function inline(text: string): string {
  return text
    .replace(/&(?=#?\w+;)/g, "&amp;")
    .replace(/[\\`*_[\]{}<>|~#!]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : `\\${c}`))
    .replace(/\r?\n/g, "  \n");
}

/** Text from people as paragraphs: escaped, and a line that would start a list or underline a heading ("---", "===") kept as text. */
function block(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraphText) =>
      inline(paragraphText)
        .replace(/^(\s*)([-+]|\d+[.)])(?=\s)/gm, (_match, space: string, marker: string) => `${space}${marker.replace(/([-+.)])$/, "\\$1")}`)
        .replace(/^(\s*)([-=])(?=[-=\s]*$)/gm, "$1\\$2"),
    )
    .join("\n\n");
}

/** A table cell: escaped, on one line. */
function cell(text: string): string {
  return inline(text).replace(/ {2}\n/g, "<br>");
}
