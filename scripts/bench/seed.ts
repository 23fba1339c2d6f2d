import { createAccessToken } from "@/lib/auth/access-tokens";
import { actorById } from "@/lib/auth/actor-by-id";
import { insertConsultation } from "@/lib/consultations/create-from-document";
import { db } from "@/lib/db/client";
import { parseMarkdown } from "@/lib/import/parse-document";

const GROUPS = ["CIVIL_SOCIETY", "GOVERNMENT", "PRIVATE_SECTOR", "TECHNICAL_COMMUNITY"] as const;

/** A published, open consultation of `sections` × `perSection` messages. */
export async function seedConsultation(slug: string, sections: number, perSection: number) {
  const lines: string[] = ["Benchmark consultation.", ""];
  for (let s = 1; s <= sections; s++) {
    lines.push(`# Theme ${s}`, "", `Introduction of theme ${s}.`, "");
    for (let m = 1; m <= perSection; m++) {
      lines.push(`- Message ${s}.${m}: multi-stakeholder cooperation is essential to keep the Internet open, secure and interoperable; 多利益相关方合作至关重要，以保持互联网的开放、安全和互操作性。`);
    }
    lines.push("");
  }
  const parsed = parseMarkdown(lines.join("\n"));
  if (!parsed.ok) throw new Error("benchmark document does not parse");
  const { consultation } = await insertConsultation({ slug, title: `Benchmark ${slug}`, language: "en", document: parsed.document }, null);
  const now = Date.now();
  await db.consultation.update({
    where: { id: consultation.id },
    data: { opensAt: new Date(now - 86_400_000), closesAt: new Date(now + 7 * 86_400_000), publishedAt: new Date(now), firstPublishedAt: new Date(now) },
  });
  return db.messageVersion.findMany({
    where: { message: { consultationId: consultation.id } },
    select: { id: true, messageId: true, text: true, message: { select: { number: true } } },
    orderBy: { message: { position: "asc" } },
  });
}

/** People with complete profiles (and, on request, a personal access token each). */
export async function seedPeople(prefix: string, count: number, withTokens = false) {
  await db.user.createMany({
    data: Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}`, email: `${prefix}-${i}@example.org`, name: `${prefix} ${i}` })),
  });
  await db.stakeholderProfile.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      userId: `${prefix}-${i}`, stakeholderGroup: GROUPS[i % GROUPS.length]!, region: "AFRICA" as const, country: "KE",
      preferredLanguage: "en", codeOfConductAcceptedAt: new Date(),
    })),
  });
  if (!withTokens) return [];
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) tokens.push((await createAccessToken(await actorById(`${prefix}-${i}`), { name: "bench" })).token);
  return tokens;
}

type Version = { id: string; messageId: string; text: string };

/** Comments spread over the versions; with `annotate`, each quotes a random passage. */
export async function seedComments(versions: Version[], authors: string[], count: number, annotate = false) {
  let seed = 7;
  const random = () => ((seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647);
  for (let start = 0; start < count; start += 2_000) {
    await db.comment.createMany({
      data: Array.from({ length: Math.min(2_000, count - start) }, (_, k) => {
        const i = start + k;
        const version = versions[i % versions.length]!;
        const from = Math.floor(random() * (version.text.length - 12));
        const to = from + 4 + Math.floor(random() * 8);
        return {
          messageId: version.messageId, messageVersionId: version.id, authorId: authors[i % authors.length]!,
          body: `Comment ${i}: please strengthen this message.`, authorName: `Bench ${i % authors.length}`,
          authorStakeholderGroup: GROUPS[i % GROUPS.length]!, authorRegion: "AFRICA" as const, authorCountry: "KE",
          ...(annotate
            ? { quoteExact: version.text.slice(from, to), quotePrefix: version.text.slice(Math.max(0, from - 32), from), quoteSuffix: version.text.slice(to, to + 32), positionStart: from, positionEnd: to }
            : {}),
        };
      }),
    });
  }
}
