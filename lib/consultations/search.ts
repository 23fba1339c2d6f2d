import type { Actor } from "@/lib/auth/actor";
import { isSecretariat } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { isStorableText, textProblem } from "@/lib/text/user-text";

export const SEARCH_QUERY_MAX = 200;
export const SEARCH_RESULTS_MAX = 100;

export type SearchHit = { kind: "message" | "section"; number: string; text: string; heading: string };

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
    select: { id: true, publishedAt: true, title: true, language: true },
  });
  if (!consultation || (!consultation.publishedAt && !isSecretariat(actor))) return null;
  const { title, language } = consultation;
  const refused = textProblem(query, "key");
  const terms = refused ? [] : searchTerms(query);
  if (terms.length === 0) return { consultation: { title, language }, terms, hits: [] as SearchHit[], refused };
  const patterns = terms.map(likePattern);
  const hits = await db.$queryRaw<SearchHit[]>`
    with current as (
      select distinct on (v."messageId") v."messageId", v.text
      from "MessageVersion" v join "Message" m on m.id = v."messageId"
      where m."consultationId" = ${consultation.id}
      order by v."messageId", v.number desc
    )
    select * from (
    select 'message' as kind, m.number, c.text, s.heading, m.position, s.number as "sectionNumber"
    from current c join "Message" m on m.id = c."messageId" join "Section" s on s.id = m."sectionId"
    where c.text ilike all (${patterns}::text[])
    union all
    select 'section' as kind, s.number, s.introduction as text, s.heading, -1 as position, s.number as "sectionNumber"
    from "Section" s
    where s."consultationId" = ${consultation.id} and (s.heading || ' ' || s.introduction) ilike all (${patterns}::text[])
    ) hits
    order by string_to_array("sectionNumber", '.')::int[], position
    limit ${SEARCH_RESULTS_MAX}`;
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
