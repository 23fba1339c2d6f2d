import {
  DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
  type IParagraphStylePropertiesOptions, type ParagraphChild,
} from "docx";
import type { OutcomeComment, OutcomeDocument, OutcomeMessage, OutcomeSection } from "@/lib/finalisation/outcome-types";
import { interfaceLocaleOf, isChinese, localeDirection, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import { countryName } from "@/lib/profiles/countries";
import { redline, type RedlinePart } from "@/lib/text/redline";

type Translate = ReturnType<typeof translatorFor>;
/** Who and when Word names for every tracked change, and the next change's id (unique in the document). */
type Revision = { author: string; date: string; nextId: number };
type Context = { language: string; locale: Locale; t: Translate; revision: Revision };

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;

/** The region Word expects with a language (its lists name "zh-CN", not "zh"), when the tag names none. */
const WORD_REGIONS: Record<string, string> = { ar: "SA", de: "DE", en: "GB", es: "ES", fr: "FR", pt: "PT", ru: "RU", zh: "CN" };

/** The document's language as w:lang: Chinese as the East Asian language too, Arabic as the right-to-left one. */
export function wordLanguage(language: string) {
  const [base = "en", ...subtags] = language.toLowerCase().split("-");
  const region = subtags.find((subtag) => /^[a-z]{2}$/.test(subtag))?.toUpperCase() ?? (subtags.includes("hant") ? "TW" : (WORD_REGIONS[base] ?? "US"));
  const tag = `${base}-${region}`;
  return {
    value: tag,
    ...(isChinese(language) ? { eastAsia: tag } : {}),
    ...(localeDirection(base) === "rtl" ? { bidirectional: tag } : {}),
  };
}

/**
 * Paragraphs laid out right to left (w:bidi) by default. docx writes a
 * style's paragraph properties with the paragraph's own writer, which has
 * `bidirectional`; its style types leave it out (checked by the unit test).
 */
const RIGHT_TO_LEFT_PARAGRAPHS = { bidirectional: true } as IParagraphStylePropertiesOptions;

/** Word's w:date: an xsd:dateTime in UTC, to the second. */
function revisionDate(date: Date) {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Runs of a text, its line breaks kept as Word line breaks (a run per line). */
function lines(text: string) {
  return text.split(/\r?\n/).map((line, index) => ({ text: line, ...(index > 0 ? { break: 1 } : {}) }));
}

/** The final text as the draft with tracked changes: Word and LibreOffice show them and can accept or reject each. */
function trackedRuns(parts: readonly RedlinePart[], revision: Revision): ParagraphChild[] {
  return parts.flatMap((part) =>
    lines(part.text).map((line) => {
      if (part.kind === "equal") return new TextRun(line);
      const change = { ...line, id: revision.nextId++, author: revision.author, date: revision.date };
      return part.kind === "insert" ? new InsertedTextRun(change) : new DeletedTextRun(change);
    }),
  );
}

function paragraphsOf(text: string): Paragraph[] {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => new Paragraph({ children: lines(block).map((line) => new TextRun(line)) }));
}

function formatDay(date: Date, locale: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date);
}

function label(t: Translate, key: string, fallback: string) {
  return t.has(key as never) ? t(key as never) : fallback;
}

function cell(children: Paragraph[]) {
  return new TableCell({ children: children.length > 0 ? children : [new Paragraph("")] });
}

function commentRow(comment: OutcomeComment, context: Context) {
  const { t, locale } = context;
  const who = [
    comment.authorName,
    comment.authorOrganisation,
    label(t, `stakeholder.groups.${comment.authorStakeholderGroup}`, comment.authorStakeholderGroup),
    label(t, `stakeholder.regions.${comment.authorRegion}`, comment.authorRegion),
    countryName(comment.authorCountry, locale),
  ].filter((part): part is string => Boolean(part));
  const disposition = comment.disposition;
  return new TableRow({
    cantSplit: true,
    children: [
      cell(who.map((part, index) => new Paragraph({ children: [new TextRun({ text: part, bold: index === 0 })] }))),
      cell([
        ...(comment.quoteExact ? [new Paragraph({ children: [new TextRun({ text: t("exports.docx.onPassage", { passage: comment.quoteExact }), italics: true })] })] : []),
        ...paragraphsOf(comment.body),
      ]),
      cell([new Paragraph(disposition ? t(`exports.outcome.${disposition.outcome}`) : t("exports.docx.notAnswered"))]),
      cell(disposition ? paragraphsOf(disposition.rationale) : []),
    ],
  });
}

/** After each message: its public comments with how each was handled. */
function commentsTable(message: OutcomeMessage, context: Context): (Paragraph | Table)[] {
  const { t } = context;
  if (message.comments.length === 0) return [new Paragraph({ children: [new TextRun({ text: t("exports.docx.noComments"), italics: true })] })];
  const header = [t("exports.docx.columnAuthor"), t("exports.docx.columnComment"), t("exports.docx.columnDisposition"), t("exports.docx.columnRationale")];
  return [
    new Paragraph({ keepNext: true, children: [new TextRun({ text: t("exports.docx.commentsCaption", { number: message.number }), bold: true })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: [2000, 3600, 1400, 2600],
      rows: [
        new TableRow({ tableHeader: true, children: header.map((text) => cell([new Paragraph({ children: [new TextRun({ text, bold: true })] })])) }),
        ...message.comments.map((comment) => commentRow(comment, context)),
      ],
    }),
  ];
}

/**
 * A message: its number, its final text as tracked changes from the draft;
 * a dropped or merged message's draft text as one tracked deletion (so that
 * accepting every change leaves the final document), with what became of it.
 */
function messageBlocks(message: OutcomeMessage, context: Context): (Paragraph | Table)[] {
  const { t, language, revision } = context;
  const kept = message.fate === "KEPT";
  const parts = redline(message.draftText, kept ? (message.finalText ?? message.draftText) : "", language);
  const fate =
    message.fate === "DROPPED" ? t("exports.docx.dropped")
    : message.fate === "MERGED" ? t("exports.docx.merged", { number: message.mergedIntoNumber ?? "" })
    : null;
  return [
    new Paragraph({ keepNext: true, children: [new TextRun({ text: t("exports.docx.message", { number: message.number }), bold: true })] }),
    new Paragraph({ children: trackedRuns(parts, revision) }),
    ...(fate ? [new Paragraph({ children: [new TextRun({ text: fate, italics: true })] })] : []),
    ...(message.fateNote ? [new Paragraph({ children: [new TextRun({ text: t("exports.docx.note", { note: message.fateNote }), italics: true })] })] : []),
    ...commentsTable(message, context),
  ];
}

function sectionBlocks(section: OutcomeSection, depth: number, context: Context): (Paragraph | Table)[] {
  return [
    new Paragraph({ heading: HEADINGS[Math.min(depth, HEADINGS.length - 1)], children: [new TextRun(`${section.number} ${section.heading}`)] }),
    ...paragraphsOf(section.introduction),
    ...section.messages.flatMap((message) => messageBlocks(message, context)),
    ...section.sections.flatMap((child) => sectionBlocks(child, depth + 1, context)),
  ];
}

function correctionBlocks(outcome: OutcomeDocument, context: Context): Paragraph[] {
  const { t, locale } = context;
  if (outcome.corrections.length === 0) return [];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t("exports.docx.corrections"))] }),
    ...outcome.corrections.map((correction) => {
      const date = formatDay(correction.createdAt, locale);
      const text = correction.messageNumber
        ? t("exports.docx.messageCorrection", { date, number: correction.messageNumber, note: correction.note })
        : t("exports.docx.correction", { date, note: correction.note });
      return new Paragraph({ bullet: { level: 0 }, children: [new TextRun(text)] });
    }),
  ];
}

/**
 * The published outcome as a Word document: sections as headings, each
 * message's final text with its changes from the draft as real tracked
 * changes (by the secretariat, dated when the outcome was published), and
 * after each message a table of its comments with their dispositions. The
 * labels are in the document's language, which w:lang declares.
 */
export async function outcomeDocx(outcome: OutcomeDocument): Promise<Buffer> {
  const locale = interfaceLocaleOf(outcome.language);
  const t = translatorFor(locale);
  const language = wordLanguage(outcome.language);
  const rightToLeft = localeDirection(outcome.language) === "rtl";
  const context: Context = {
    language: outcome.language,
    locale,
    t,
    revision: { author: t("exports.docx.changeAuthor"), date: revisionDate(outcome.finalisedAt), nextId: 1 },
  };
  const document = new Document({
    title: outcome.title,
    creator: t("exports.docx.changeAuthor"),
    // A right-to-left document (Arabic) is laid out right to left throughout: its labels are in its language too.
    styles: { default: { document: rightToLeft ? { run: { language, rightToLeft }, paragraph: RIGHT_TO_LEFT_PARAGRAPHS } : { run: { language } } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(outcome.title)] }),
          new Paragraph(t("exports.docx.published", { date: formatDay(outcome.finalisedAt, locale) })),
          new Paragraph({ children: [new TextRun({ text: t("exports.docx.trackedChanges"), italics: true })] }),
          ...paragraphsOf(outcome.introduction),
          ...outcome.sections.flatMap((section) => sectionBlocks(section, 0, context)),
          ...correctionBlocks(outcome, context),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
