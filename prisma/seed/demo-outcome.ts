import { readFile } from "node:fs/promises";
import type { Actor } from "@/lib/auth/actor";
import { insertConsultation } from "@/lib/consultations/create-from-document";
import { db } from "@/lib/db/client";
import type { DispositionOutcome, Region, StakeholderGroup } from "@/lib/db/generated/enums";
import { disposeComments } from "@/lib/finalisation/dispositions";
import { byNumber } from "@/lib/finalisation/message-order";
import { setMessageFate } from "@/lib/finalisation/fate";
import { saveFinalText } from "@/lib/finalisation/final-text";
import { publishOutcome } from "@/lib/finalisation/publish";
import { parseMarkdown } from "@/lib/import/parse-document";
import { textFingerprint } from "@/lib/text/fingerprint";
import { DEMO_SOURCE } from "./demo";

export const DEMO_OUTCOME_SLUG = "igf-2025-lillestrom-outcome-example";

const DAY = 24 * 60 * 60 * 1000;

type Person = { key: string; name: string; group: StakeholderGroup; region: Region; country: string; organisation?: string };

/** Invented participants (example.org addresses nobody reads), spread over groups and regions as a real review would be. */
const PEOPLE: Person[] = [
  { key: "amina", name: "Amina Yusuf", group: "CIVIL_SOCIETY", region: "AFRICA", country: "NG", organisation: "Digital Rights Lagos" },
  { key: "wanjiru", name: "Wanjiru Kamau", group: "CIVIL_SOCIETY", region: "AFRICA", country: "KE" },
  { key: "li", name: "李明", group: "CIVIL_SOCIETY", region: "ASIA_PACIFIC", country: "CN" },
  { key: "priya", name: "Priya Raman", group: "CIVIL_SOCIETY", region: "ASIA_PACIFIC", country: "IN" },
  { key: "lucia", name: "Lucía Fernández", group: "CIVIL_SOCIETY", region: "LATIN_AMERICA_CARIBBEAN", country: "AR" },
  { key: "chen", name: "陈静", group: "TECHNICAL_COMMUNITY", region: "ASIA_PACIFIC", country: "CN", organisation: "亚太网络信息中心（示例）" },
  { key: "ole", name: "Ole Hansen", group: "TECHNICAL_COMMUNITY", region: "WESTERN_EUROPE_OTHERS", country: "NO" },
  { key: "tomas", name: "Tomáš Novák", group: "TECHNICAL_COMMUNITY", region: "EASTERN_EUROPE", country: "CZ" },
  { key: "fatima", name: "Fatima Al-Sayed", group: "GOVERNMENT", region: "ASIA_PACIFIC", country: "AE" },
  { key: "joao", name: "João Silva", group: "GOVERNMENT", region: "LATIN_AMERICA_CARIBBEAN", country: "BR" },
  { key: "sarah", name: "Sarah Miller", group: "PRIVATE_SECTOR", region: "WESTERN_EUROPE_OTHERS", country: "US" },
  { key: "kenji", name: "Kenji Sato", group: "ACADEMIA", region: "ASIA_PACIFIC", country: "JP" },
];

const CAMPAIGN = "请在信息中明确承诺保护端到端加密，不设后门。";

type CommentPlan = {
  /** Index of the message in document order. */
  message: number;
  by: string;
  body: string;
  /** A passage of the message's text to annotate. */
  quote?: { start: number; length: number };
  disposition: [DispositionOutcome, string];
};

const COMMENTS: CommentPlan[] = [
  { message: 0, by: "amina", body: "The message should name who is accountable when trust fails, not only call for trust.", quote: { start: 0, length: 8 }, disposition: ["PARTLY_INCORPORATED", "问责已写入最终文本；具体责任主体因各国情况不同未逐一列出。"] },
  { message: 0, by: "li", body: CAMPAIGN, disposition: ["NOTED", "加密问题在本届论坛的多场会议中被讨论，已记录在会议报告中。"] },
  { message: 0, by: "wanjiru", body: CAMPAIGN, disposition: ["NOTED", "加密问题在本届论坛的多场会议中被讨论，已记录在会议报告中。"] },
  { message: 0, by: "priya", body: `${CAMPAIGN}`, disposition: ["NOTED", "加密问题在本届论坛的多场会议中被讨论，已记录在会议报告中。"] },
  { message: 1, by: "chen", body: "建议补充“多利益相关方”的表述，与论坛主题保持一致。", quote: { start: 2, length: 6 }, disposition: ["INCORPORATED", ""] },
  { message: 1, by: "ole", body: "Please mention the role of the technical community in incident response.", disposition: ["INCORPORATED", ""] },
  { message: 2, by: "fatima", body: "Governments need capacity building before they can implement this message.", disposition: ["PARTLY_INCORPORATED", "能力建设已加入最终文本；资金安排超出本信息的范围。"] },
  { message: 2, by: "sarah", body: "The private sector's investment in infrastructure deserves a mention here.", disposition: ["NOT_INCORPORATED", "本信息关注治理原则，不列举具体行为体的投资。"] },
  { message: 3, by: "lucia", body: "Este mensaje debería mencionar las lenguas indígenas.", disposition: ["OUT_OF_SCOPE", "语言多样性在“普遍接入”主题下讨论，见该部分的信息。"] },
  { message: 3, by: "tomas", body: "This message repeats the previous one; consider merging them.", disposition: ["INCORPORATED", ""] },
  { message: 4, by: "joao", body: "Sugiro incluir a participação dos jovens.", disposition: ["NOTED", ""] },
  { message: 4, by: "kenji", body: "研究界的数据访问同样重要，建议提及。", disposition: ["NOTED", ""] },
];

/**
 * A second demo consultation, on the same IGF draft, whose comment period has
 * ended and whose outcome is published: comments from invented participants,
 * each with its disposition, final texts that differ from the draft, a merged
 * message, so that the outcome page, its redlines, the statistics and the
 * exports have something to show. Made through the finalisation's own rules.
 * Seeded once; a second run changes nothing.
 */
export async function seedDemoOutcome(now = new Date()): Promise<{ created: boolean }> {
  if (await db.consultation.findUnique({ where: { slug: DEMO_OUTCOME_SLUG } })) return { created: false };
  const parsed = parseMarkdown(await readFile(DEMO_SOURCE, "utf8"));
  if (!parsed.ok) throw new Error(`The demo document does not import: ${parsed.error.code}`);
  const { consultation } = await insertConsultation(
    { slug: DEMO_OUTCOME_SLUG, title: "利勒斯特罗姆 IGF 信息（示例：已发布的最终成果）", language: "zh", document: parsed.document },
    null,
  );
  const opened = new Date(now.getTime() - 40 * DAY);
  const closed = new Date(now.getTime() - 20 * DAY);
  await db.consultation.update({
    where: { id: consultation.id },
    data: { opensAt: opened, closesAt: closed, referenceTimeZone: "Europe/Oslo", publishedAt: opened, firstPublishedAt: opened },
  });
  const all = await db.message.findMany({
    where: { consultationId: consultation.id },
    select: { id: true, number: true, versions: { select: { id: true, text: true } } },
  });
  all.sort(byNumber);
  // Comments spread over the document's four themes (sections 3, 5, 11 and 15 open them): the first message of
  // each, and the second of the third theme, merged into its first.
  const themes = ["3", "5", "11", "15"];
  const inTheme = (theme: number) => all.filter((message) => message.number.split(".")[0] === themes[theme]);
  const messages = [inTheme(0)[0], inTheme(1)[0], inTheme(2)[0], inTheme(2)[1], inTheme(3)[0]].map((message) => {
    if (!message) throw new Error("The demo document no longer has four themes of two messages or more.");
    return message;
  });

  const secretariat = await demoUser("secretariat", "IGF 秘书处（示例）", "SECRETARIAT");
  const people = new Map<string, string>();
  for (const person of PEOPLE) people.set(person.key, (await demoUser(person.key, person.name, "PARTICIPANT", person)).id);

  const commentIds: string[] = [];
  for (const [index, plan] of COMMENTS.entries()) {
    const message = messages[plan.message]!;
    const version = message.versions[0]!;
    const person = PEOPLE.find((candidate) => candidate.key === plan.by)!;
    const quote = plan.quote ? passage(version.text, plan.quote.start, plan.quote.length) : null;
    const comment = await db.comment.create({
      data: {
        messageId: message.id, messageVersionId: version.id, authorId: people.get(plan.by)!, body: plan.body,
        authorName: person.name, authorStakeholderGroup: person.group, authorRegion: person.region, authorCountry: person.country,
        authorOrganisation: person.organisation ?? null, bodyFingerprint: textFingerprint(plan.body),
        ...(quote ? { quoteExact: quote.exact, quotePrefix: quote.prefix, quoteSuffix: quote.suffix, positionStart: quote.start, positionEnd: quote.end } : {}),
        createdAt: new Date(opened.getTime() + (index + 1) * DAY),
      },
    });
    commentIds.push(comment.id);
  }

  const actor: Actor = { userId: secretariat.id, role: "SECRETARIAT", email: secretariat.email, name: secretariat.name, hasProfile: false, suspended: false, writingLanguage: null };
  const working = new Date(closed.getTime() + 5 * DAY);
  // Same outcome and rationale: one disposition for the whole group, as the workspace does for a campaign.
  const byDecision = new Map<string, string[]>();
  COMMENTS.forEach((plan, index) => {
    const key = JSON.stringify(plan.disposition);
    byDecision.set(key, [...(byDecision.get(key) ?? []), commentIds[index]!]);
  });
  for (const [key, ids] of byDecision) {
    const [outcome, rationale] = JSON.parse(key) as [DispositionOutcome, string];
    await disposeComments(actor, { consultationId: consultation.id, commentIds: ids, outcome, rationale }, working);
  }

  const draft = (index: number) => messages[index]!.versions[0]!.text;
  await saveFinalText(actor, { messageId: messages[0]!.id, text: withClause(draft(0), "，并明确各方的问责机制") }, working);
  await saveFinalText(actor, { messageId: messages[1]!.id, text: withClause(draft(1), "，包括技术社群在事件响应中的作用") }, working);
  await saveFinalText(actor, { messageId: messages[2]!.id, text: `${draft(2)}能力建设是落实这一信息的前提。` }, working);
  await setMessageFate(
    actor,
    { messageId: messages[3]!.id, fate: "MERGED", mergedIntoId: messages[2]!.id, fateNote: "与上一条信息内容重复，已并入其中。" },
    working,
  );
  await publishOutcome(actor, { consultationId: consultation.id }, new Date(now.getTime() - 3 * DAY));
  return { created: true };
}

/** The text with a clause added before its first full stop (or at its end). */
function withClause(text: string, clause: string) {
  const stop = text.indexOf("。");
  return stop < 0 ? `${text}${clause}。` : `${text.slice(0, stop)}${clause}${text.slice(stop)}`;
}

function passage(text: string, start: number, length: number) {
  const end = Math.min(text.length, start + length);
  return { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), start, end };
}

async function demoUser(key: string, name: string, role: "PARTICIPANT" | "SECRETARIAT", person?: Person) {
  const email = `demo-${key}@example.org`;
  return db.user.upsert({
    where: { email },
    update: {},
    create: {
      email, name, role,
      ...(person
        ? {
            profile: {
              create: {
                stakeholderGroup: person.group, region: person.region, country: person.country, organisation: person.organisation ?? null,
                preferredLanguage: "zh", codeOfConductAcceptedAt: new Date(),
              },
            },
          }
        : {}),
    },
  });
}
