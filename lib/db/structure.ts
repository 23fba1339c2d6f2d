import type { Tx } from "./client";

/** Serialises structure edits of one consultation (positions are read, then written) until the transaction ends. */
export async function lockConsultationStructure(tx: Tx, consultationId: string) {
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${consultationId}))`;
}

/** Message numbers are unique per consultation: park them all before renumbering, so that swaps do not collide. */
export async function parkMessageNumbers(tx: Tx, consultationId: string) {
  await tx.$executeRaw`update "Message" set number = 'renumbering:' || id where "consultationId" = ${consultationId}`;
}

/** Sets the numbers of sections or messages, id → number, in one statement. */
export async function setNumbers(tx: Tx, table: "Section" | "Message", numbers: Map<string, string>) {
  if (numbers.size === 0) return;
  const ids = [...numbers.keys()];
  const values = [...numbers.values()];
  if (table === "Section") {
    await tx.$executeRaw`update "Section" s set number = v.number from unnest(${ids}::text[], ${values}::text[]) as v(id, number) where s.id = v.id`;
  } else {
    await tx.$executeRaw`update "Message" m set number = v.number from unnest(${ids}::text[], ${values}::text[]) as v(id, number) where m.id = v.id`;
  }
}
