import { db } from "@/lib/db/client";

export type MessageNode = {
  id: string;
  number: string;
  text: string;
  versionNumber: number;
  versionKind: "DRAFT" | "FINAL";
  commentCount: number;
  /** Read in a translation (lib/translations/read-translations.ts): the language of `text`, whether the translation lacks it or is older than it. */
  textLanguage?: string;
  untranslated?: boolean;
  outOfDate?: boolean;
};

export type SectionNode = {
  id: string;
  number: string;
  heading: string;
  introduction: string;
  messages: MessageNode[];
  sections: SectionNode[];
  /** Read in a translation: the language of the heading and introduction. */
  headingLanguage?: string;
};

/**
 * A consultation's sections and messages, each message with its current text
 * and public comment count. Without finalTexts the current text is the last
 * draft: final versions are not public until the outcome is published.
 */
export async function readTree(consultationId: string, { finalTexts = true }: { finalTexts?: boolean } = {}): Promise<SectionNode[]> {
  const [sections, messages, counts] = await Promise.all([
    db.section.findMany({
      where: { consultationId },
      orderBy: [{ position: "asc" }],
      select: { id: true, parentId: true, number: true, heading: true, introduction: true },
    }),
    db.message.findMany({
      where: { consultationId },
      orderBy: [{ position: "asc" }],
      select: {
        id: true,
        sectionId: true,
        number: true,
        versions: {
          where: finalTexts ? {} : { kind: "DRAFT" },
          orderBy: { number: "desc" },
          take: 1,
          select: { number: true, kind: true, text: true },
        },
      },
    }),
    db.comment.groupBy({
      by: ["messageId"],
      where: { message: { consultationId }, status: "PUBLISHED" },
      _count: { _all: true },
    }),
  ]);
  const countByMessage = new Map(counts.map((row) => [row.messageId, row._count._all]));
  const nodes = new Map<string, SectionNode>(
    sections.map((section) => [section.id, { ...section, messages: [], sections: [] }]),
  );
  for (const message of messages) {
    const current = message.versions[0];
    nodes.get(message.sectionId)?.messages.push({
      id: message.id,
      number: message.number,
      text: current?.text ?? "",
      versionNumber: current?.number ?? 0,
      versionKind: current?.kind ?? "DRAFT",
      commentCount: countByMessage.get(message.id) ?? 0,
    });
  }
  const roots: SectionNode[] = [];
  for (const section of sections) {
    const node = nodes.get(section.id)!;
    const parent = section.parentId ? nodes.get(section.parentId) : undefined;
    (parent ? parent.sections : roots).push(node);
  }
  return roots;
}

/** Every section of a tree, each before its sub-sections: document order. */
export function sectionsInOrder(sections: SectionNode[]): SectionNode[] {
  return sections.flatMap((section) => [section, ...sectionsInOrder(section.sections)]);
}

export function countTree(sections: SectionNode[]) {
  const all = sectionsInOrder(sections);
  const messages = all.flatMap((section) => section.messages);
  return { sections: all.length, messages: messages.length, comments: messages.reduce((sum, message) => sum + message.commentCount, 0) };
}
