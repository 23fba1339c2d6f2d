import { db } from "@/lib/db/client";
import { isStorableText } from "@/lib/text/user-text";
import type { OutcomeComment, OutcomeCorrectionEntry, OutcomeDocument, OutcomeMessage, OutcomeSection } from "./outcome-types";

/**
 * The published outcome of a consultation, or null when there is none to show:
 * until the outcome is published (the consultation FINAL), final texts and
 * dispositions are the secretariat's work in progress, not public.
 *
 * A fixed number of queries whatever the document's size: the consultation,
 * then its sections, messages (with their last draft), final versions,
 * comments (with their current disposition) and corrections at once.
 */
export async function getOutcome(slug: string): Promise<OutcomeDocument | null> {
  if (!isStorableText(slug)) return null;
  const consultation = await db.consultation.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, introduction: true, language: true, referenceTimeZone: true, closesAt: true, publishedAt: true, finalisedAt: true },
  });
  if (!consultation?.publishedAt || !consultation.finalisedAt) return null;
  const consultationId = consultation.id;

  const [sections, messages, finals, comments, corrections] = await Promise.all([
    db.section.findMany({
      where: { consultationId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, parentId: true, number: true, heading: true, introduction: true },
    }),
    db.message.findMany({
      where: { consultationId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: {
        id: true,
        sectionId: true,
        number: true,
        fate: true,
        fateNote: true,
        mergedInto: { select: { number: true } },
        versions: { where: { kind: "DRAFT" }, orderBy: { number: "desc" }, take: 1, select: { text: true } },
      },
    }),
    // The same relation cannot be selected twice with two filters: the newest final versions come in a query of their own.
    db.message.findMany({
      where: { consultationId },
      select: { id: true, versions: { where: { kind: "FINAL" }, orderBy: { number: "desc" }, take: 1, select: { number: true, text: true } } },
    }),
    db.comment.findMany({
      // Top-level comments the public can read: replies, hidden, withdrawn and held comments are not part of the outcome.
      where: { message: { consultationId }, parentId: null, status: "PUBLISHED" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        messageId: true,
        body: true, language: true,
        authorName: true,
        authorStakeholderGroup: true,
        authorRegion: true,
        authorCountry: true,
        authorOrganisation: true,
        quoteExact: true,
        createdAt: true,
        // The latest row is the current disposition; a correction adds a row rather than changing one.
        dispositions: {
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: 1,
          select: { outcome: true, rationale: true, createdAt: true },
        },
      },
    }),
    db.outcomeCorrection.findMany({
      where: { consultationId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, note: true, createdAt: true, message: { select: { number: true } } },
    }),
  ]);

  const commentsByMessage = new Map<string, OutcomeComment[]>();
  for (const { messageId, dispositions, ...comment } of comments) {
    const current = dispositions[0];
    const list = commentsByMessage.get(messageId) ?? [];
    list.push({ ...comment, disposition: current ? { outcome: current.outcome, rationale: current.rationale, decidedAt: current.createdAt } : null });
    commentsByMessage.set(messageId, list);
  }
  const finalByMessage = new Map(finals.map((message) => [message.id, message.versions[0]]));

  const nodes = new Map<string, OutcomeSection>(
    sections.map(({ parentId: _parentId, ...section }) => [section.id, { ...section, messages: [], sections: [] }]),
  );
  for (const message of messages) {
    const final = finalByMessage.get(message.id);
    const outcomeMessage: OutcomeMessage = {
      id: message.id,
      number: message.number,
      fate: message.fate,
      mergedIntoNumber: message.fate === "MERGED" ? (message.mergedInto?.number ?? null) : null,
      fateNote: message.fateNote,
      draftText: message.versions[0]?.text ?? "",
      finalText: final?.text ?? null,
      finalVersionNumber: final?.number ?? null,
      comments: commentsByMessage.get(message.id) ?? [],
    };
    nodes.get(message.sectionId)?.messages.push(outcomeMessage);
  }
  const roots: OutcomeSection[] = [];
  for (const section of sections) {
    const node = nodes.get(section.id)!;
    const parent = section.parentId ? nodes.get(section.parentId) : undefined;
    (parent ? parent.sections : roots).push(node);
  }

  return {
    slug: consultation.slug,
    title: consultation.title,
    introduction: consultation.introduction,
    language: consultation.language,
    referenceTimeZone: consultation.referenceTimeZone,
    closesAt: consultation.closesAt,
    finalisedAt: consultation.finalisedAt,
    sections: roots,
    corrections: corrections.map(({ message, ...correction }): OutcomeCorrectionEntry => ({ ...correction, messageNumber: message?.number ?? null })),
  };
}
