import type { Tx } from "@/lib/db/client";
import { parkMessageNumbers, setNumbers } from "@/lib/db/structure";

type Positioned = { id: string; position: number };

/**
 * Numbers every section and message from their positions ("2", "2.3", "2.3.4").
 * Only for consultations never published: published numbers are frozen.
 */
export async function renumberConsultation(tx: Tx, consultationId: string) {
  const [sections, messages] = await Promise.all([
    tx.section.findMany({ where: { consultationId }, select: { id: true, parentId: true, position: true } }),
    tx.message.findMany({ where: { consultationId }, select: { id: true, sectionId: true, position: true } }),
  ]);
  const byPosition = (a: Positioned, b: Positioned) => a.position - b.position;
  const sectionNumbers = new Map<string, string>();
  const number = (parentId: string | null, prefix: string) => {
    sections
      .filter((section) => section.parentId === parentId)
      .sort(byPosition)
      .forEach((section, index) => {
        const own = prefix ? `${prefix}.${index + 1}` : String(index + 1);
        sectionNumbers.set(section.id, own);
        number(section.id, own);
      });
  };
  number(null, "");
  const messageNumbers = new Map<string, string>();
  for (const [sectionId, sectionNumber] of sectionNumbers) {
    messages
      .filter((message) => message.sectionId === sectionId)
      .sort(byPosition)
      .forEach((message, index) => messageNumbers.set(message.id, `${sectionNumber}.${index + 1}`));
  }
  await setNumbers(tx, "Section", sectionNumbers);
  await parkMessageNumbers(tx, consultationId);
  await setNumbers(tx, "Message", messageNumbers);
}

/** The next free number under a prefix ("2.3" → "2.3.7"), for additions after publication. */
export function nextNumber(prefix: string, taken: readonly string[]) {
  const used = new Set(taken);
  const lastSegments = taken
    .filter((number) => (prefix ? number.startsWith(`${prefix}.`) : true))
    .map((number) => Number(number.slice(prefix ? prefix.length + 1 : 0).split(".")[0]))
    .filter(Number.isFinite);
  let next = Math.max(0, ...lastSegments) + 1;
  const make = (n: number) => (prefix ? `${prefix}.${n}` : String(n));
  while (used.has(make(next))) next += 1;
  return make(next);
}
