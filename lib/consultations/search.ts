import type { Actor } from "@/lib/auth/actor";
import { isSecretariat } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { findSearchHits, type SearchHitRow } from "@/lib/db/search";
import { isStorableText, textProblem } from "@/lib/text/user-text";

export const SEARCH_QUERY_MAX = 200;
export const SEARCH_RESULTS_MAX = 100;

export type SearchHit = SearchHitRow;

/** Whitespace-separated terms; Chinese has no spaces, so a term is matched anywhere inside words. */
export function searchTerms(query: string) {
  return query.slice(0, SEARCH_QUERY_MAX).trim().split(/\s+/u).filter(Boolean).slice(0, 8);
}

function likePattern(term: string) {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * Messages (current text) and section headings containing every term,
 * case-insensitively, in document order. pg_trgm's GIN indexes serve the
 * ILIKE lookups, which is what makes substring search work for Chinese.
 * Null when there is no such consultation. A query the text rule refuses (a
 * NUL would reach PostgreSQL) searches nothing and says why in `refused`.
 */
export async function searchConsultation(actor: Actor | null, slug: string, query: string) {
  if (!isStorableText(slug)) return null;
  const consultation = await db.consultation.findUnique({
    where: { slug },
    select: { id: true, publishedAt: true, finalisedAt: true, title: true, language: true },
  });
  if (!consultation || (!consultation.publishedAt && !isSecretariat(actor))) return null;
  const { title, language } = consultation;
  const refused = textProblem(query, "key");
  const terms = refused ? [] : searchTerms(query);
  if (terms.length === 0) return { consultation: { title, language }, terms, hits: [] as SearchHit[], refused };
  const hits = await findSearchHits(consultation.id, terms.map(likePattern), SEARCH_RESULTS_MAX, { finalTexts: consultation.finalisedAt !== null });
  return { consultation: { title, language }, terms, refused, hits: hits.map(({ kind, number, text, heading }) => ({ kind, number, text, heading })) };
}

/** Splits text around the terms so the page can mark them (never as HTML). */
export function markTerms(text: string, terms: string[]): { text: string; match: boolean }[] {
  if (terms.length === 0) return [{ text, match: false }];
  const escaped = terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`(${escaped.join("|")})`, "giu");
  return text
    .split(pattern)
    .filter((part) => part !== "")
    .map((part) => ({ text: part, match: terms.some((term) => term.toLocaleLowerCase() === part.toLocaleLowerCase()) }));
}
