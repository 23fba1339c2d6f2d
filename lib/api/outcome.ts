import { authorJson } from "@/lib/api/comment-json";
import { getOutcome } from "@/lib/finalisation/outcome";
import { changesOf, countDispositions, documentCounts, finalTextOf } from "@/lib/finalisation/outcome-text";
import type { DispositionCounts } from "@/lib/finalisation/outcome-text";
import type { OutcomeComment, OutcomeMessage, OutcomeSection } from "@/lib/finalisation/outcome-types";

/**
 * The open-data shape of a published outcome (stable field names, ISO dates;
 * as elsewhere in the API, states such as a message's fate in lower case and
 * categories such as a disposition's outcome as their upper-case names), or
 * null when the consultation has no published outcome.
 */
export async function outcomeForApi(slug: string, baseUrl: string) {
  const outcome = await getOutcome(slug);
  if (!outcome) return null;
  const page = `${baseUrl}/consultations/${outcome.slug}`;
  const api = `${baseUrl}/api/v1/consultations/${outcome.slug}`;

  const commentJson = (comment: OutcomeComment) => ({
    id: comment.id,
    body: comment.body,
    language: comment.language,
    author: authorJson(comment),
    quote: comment.quoteExact,
    createdAt: comment.createdAt.toISOString(),
    disposition: comment.disposition
      ? { outcome: comment.disposition.outcome, rationale: comment.disposition.rationale, decidedAt: comment.disposition.decidedAt.toISOString() }
      : null,
  });
  const messageJson = (message: OutcomeMessage) => ({
    id: message.id,
    number: message.number,
    fate: message.fate.toLowerCase(),
    mergedInto: message.mergedIntoNumber,
    note: message.fateNote,
    draftText: message.draftText,
    finalText: finalTextOf(message),
    finalVersion: message.finalVersionNumber,
    changes: changesOf(message, outcome.language),
    url: `${page}/messages/${encodeURIComponent(message.number)}`,
    counts: countsJson(countDispositions(message.comments)),
    comments: message.comments.map(commentJson),
  });
  type SectionJson = { number: string; heading: string; introduction: string; messages: ReturnType<typeof messageJson>[]; sections: SectionJson[] };
  const sectionJson = (section: OutcomeSection): SectionJson => ({
    number: section.number,
    heading: section.heading,
    introduction: section.introduction,
    messages: section.messages.map(messageJson),
    sections: section.sections.map(sectionJson),
  });

  return {
    slug: outcome.slug,
    title: outcome.title,
    language: outcome.language,
    introduction: outcome.introduction,
    closesAt: outcome.closesAt?.toISOString() ?? null,
    finalisedAt: outcome.finalisedAt.toISOString(),
    url: `${page}/outcome`,
    apiUrl: `${api}/outcome`,
    markdownUrl: `${api}/outcome.md`,
    counts: countsJson(documentCounts(outcome)),
    corrections: outcome.corrections.map((correction) => ({
      id: correction.id,
      note: correction.note,
      messageNumber: correction.messageNumber,
      createdAt: correction.createdAt.toISOString(),
    })),
    sections: outcome.sections.map(sectionJson),
  };
}

function countsJson(counts: DispositionCounts) {
  return {
    comments: counts.comments,
    answered: counts.answered,
    dispositions: counts.byOutcome,
  };
}
