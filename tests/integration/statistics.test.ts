import { beforeAll, describe, expect, it } from "vitest";
import { GET as statsRoute } from "@/app/api/v1/consultations/[slug]/stats/route";
import { db } from "@/lib/db/client";
import type { CommentStatus, Region, StakeholderGroup } from "@/lib/db/generated/enums";
import { minimumCell, participationStatistics } from "@/lib/stats/participation";
import { sumOfPercentages } from "@/lib/stats/percentages";
import { importMarkdown, SMALL_DRAFT } from "../support/consultations";
import { createActor, uniqueEmail } from "../support/factories";

const BASE = "http://localhost:3000";
const params = <T extends object>(value: T) => ({ params: Promise.resolve(value) });
const getStats = (slug: string) => statsRoute(new Request(`${BASE}/api/v1/consultations/${slug}/stats`), params({ slug }));

/**
 * 40 participants with known shares: by group 22 / 12 / 6 (55 %, 30 %, 15 %),
 * by region 18 / 2 / 20 (45 %, 5 %, 50 %), one group × region cell of 2
 * (below the minimum of 5), countries KE 12, NO 11, DE 9, NG 6, IN 2.
 */
const POPULATION: [StakeholderGroup, Region, string, number][] = [
  ["CIVIL_SOCIETY", "AFRICA", "KE", 12],
  ["CIVIL_SOCIETY", "ASIA_PACIFIC", "IN", 2],
  ["CIVIL_SOCIETY", "WESTERN_EUROPE_OTHERS", "NO", 5],
  ["CIVIL_SOCIETY", "WESTERN_EUROPE_OTHERS", "DE", 3],
  ["GOVERNMENT", "AFRICA", "NG", 6],
  ["GOVERNMENT", "WESTERN_EUROPE_OTHERS", "NO", 6],
  ["PRIVATE_SECTOR", "WESTERN_EUROPE_OTHERS", "DE", 6],
];

type Seeded = { slug: string; consultationId: string; topLevelIds: string[] };

async function seed(): Promise<Seeded> {
  const { slug, id: consultationId } = await importMarkdown(SMALL_DRAFT, { open: true });
  const messages = await db.message.findMany({
    where: { consultationId },
    select: { id: true, number: true, versions: { select: { id: true }, take: 1 } },
    orderBy: { number: "asc" },
  });
  const message = (number: string) => {
    const found = messages.find((candidate) => candidate.number === number);
    if (!found) throw new Error(`no message ${number} in ${messages.map((m) => m.number).join(", ")}`);
    return { messageId: found.id, messageVersionId: found.versions[0]!.id };
  };
  const sectionOne = message("1.1");
  const sectionTwo = message("2.1");
  const subsection = message(messages.find((candidate) => candidate.number.split(".").length === 3)!.number);

  const people = POPULATION.flatMap(([group, region, country, count]) => Array.from({ length: count }, () => ({ group, region, country })));
  const users = await Promise.all(people.map((_, index) => db.user.create({ data: { email: uniqueEmail(`stats-${index}`), name: `Person ${index}` } })));
  const start = Date.now() - 3_000_000;
  const identity = (index: number) => ({
    authorId: users[index]!.id,
    authorName: `Person ${index}`,
    authorStakeholderGroup: people[index]!.group,
    authorRegion: people[index]!.region,
    authorCountry: people[index]!.country,
  });
  // One top-level comment each: people 0–24 on 1.1, 25–34 on 2.1, 35–39 in the subsection under section 2.
  const topLevel = await Promise.all(
    people.map((_, index) =>
      db.comment.create({
        data: {
          ...(index < 25 ? sectionOne : index < 35 ? sectionTwo : subsection),
          ...identity(index),
          body: `Comment ${index}`,
          createdAt: new Date(start + index * 1000),
        },
      }),
    ),
  );
  const thread = topLevel[20]!.id;
  // Replies by people 1–9 (Civil society, Africa), all on 1.1.
  for (let index = 1; index <= 9; index += 1) {
    await db.comment.create({ data: { ...sectionOne, ...identity(index), parentId: thread, body: `Reply ${index}`, createdAt: new Date(start + 100_000 + index) } });
  }
  // Person 0 wrote first as a government official of Nigeria: their latest comment (Civil society, Kenya) decides.
  await db.comment.create({
    data: {
      ...sectionOne,
      ...identity(0),
      authorStakeholderGroup: "GOVERNMENT",
      authorCountry: "NG",
      parentId: thread,
      body: "Earlier reply",
      createdAt: new Date(start - 3_600_000),
    },
  });

  // Not counted: hidden, withdrawn and held comments by three more people, and the secretariat's answer.
  for (const status of ["HIDDEN", "WITHDRAWN", "PENDING"] satisfies CommentStatus[]) {
    const outsider = await db.user.create({ data: { email: uniqueEmail("outsider") } });
    await db.comment.create({
      data: { ...sectionOne, authorId: outsider.id, authorName: "Outsider", authorStakeholderGroup: "ACADEMIA", authorRegion: "EASTERN_EUROPE", authorCountry: "PL", body: status, status },
    });
  }
  const secretariat = await createActor({ role: "SECRETARIAT" });
  await db.comment.create({
    data: { ...sectionOne, authorId: secretariat.userId, authorName: "Secretariat", authorStakeholderGroup: "INTERGOVERNMENTAL_ORGANISATION", authorRegion: "INTERGOVERNMENTAL_ORGANISATION", authorCountry: "CH", parentId: thread, body: "Thank you." },
  });
  return { slug, consultationId, topLevelIds: topLevel.map((comment) => comment.id) };
}

let seeded: Seeded;
beforeAll(async () => {
  seeded = await seed();
});

const cellOf = (table: { rows: { group: string; cells: { region: string }[] }[] }, group: string, region: string) =>
  table.rows.find((row) => row.group === group)!.cells.find((cell) => cell.region === region);

describe("participation statistics of an open consultation", () => {
  it("counts each person once under their latest identity, and every public comment and reply by participants", async () => {
    const statistics = (await participationStatistics(seeded.slug))!;
    expect(statistics.consultation).toMatchObject({ slug: seeded.slug, state: "open" });
    expect(statistics.minimumCount).toBe(5);
    expect(statistics.participants.total).toBe(40);
    expect(statistics.comments).toMatchObject({ total: 50, topLevel: 40, replies: 10 });
    expect(cellOf(statistics.participants, "CIVIL_SOCIETY", "AFRICA")).toEqual({ region: "AFRICA", count: 12, percent: 30, suppressed: null });
    // 12 top-level comments, 9 replies and person 0's earlier reply, counted under Civil society as person 0 is now.
    expect(cellOf(statistics.comments, "CIVIL_SOCIETY", "AFRICA")).toEqual({ region: "AFRICA", count: 22, percent: 44, suppressed: null });
    expect(cellOf(statistics.participants, "PRIVATE_SECTOR", "WESTERN_EUROPE_OTHERS")).toEqual({ region: "WESTERN_EUROPE_OTHERS", count: 6, percent: 15, suppressed: null });
    expect(cellOf(statistics.participants, "ACADEMIA", "EASTERN_EUROPE")).toMatchObject({ count: 0, suppressed: null });
    expect(cellOf(statistics.participants, "INTERGOVERNMENTAL_ORGANISATION", "INTERGOVERNMENTAL_ORGANISATION")).toMatchObject({ count: 0 });
  });

  it("gives shares of each group that add up to exactly 100 and keeps the table's shape", async () => {
    const { participants, comments } = (await participationStatistics(seeded.slug))!;
    expect(participants.rows.map((row) => row.group)).toEqual([
      "CIVIL_SOCIETY", "GOVERNMENT", "INTERGOVERNMENTAL_ORGANISATION", "PRIVATE_SECTOR", "TECHNICAL_COMMUNITY", "PRESS_MEDIA", "ACADEMIA", "OTHER",
    ]);
    expect(participants.columnTotals.map((column) => column.region)).toEqual([
      "AFRICA", "ASIA_PACIFIC", "EASTERN_EUROPE", "LATIN_AMERICA_CARIBBEAN", "WESTERN_EUROPE_OTHERS", "INTERGOVERNMENTAL_ORGANISATION",
    ]);
    expect(participants.rows.map((row) => [row.total.count, row.total.percent])).toEqual([[22, 55], [12, 30], [0, 0], [6, 15], [0, 0], [0, 0], [0, 0], [0, 0]]);
    expect(sumOfPercentages(participants.rows.map((row) => row.total.percent!))).toBe(100);
    // Comments: 22 + 2 + 8 / 6 + 6 / 6 = 32, 12, 6 of 50.
    expect(comments.rows.map((row) => row.total.percent)).toEqual([64, 24, 0, 12, 0, 0, 0, 0]);
    expect(sumOfPercentages(comments.rows.map((row) => row.total.percent!))).toBe(100);
  });

  it("shows the cell of 2 as fewer than 5 and withholds what would give it away, percentages included", async () => {
    const { participants, comments } = (await participationStatistics(seeded.slug))!;
    const small = { count: null, percent: null, suppressed: "fewerThanMinimum" };
    const withheld = { count: null, percent: null, suppressed: "withheld" };
    expect(cellOf(participants, "CIVIL_SOCIETY", "ASIA_PACIFIC")).toMatchObject(small);
    // Without these the 2 follows from a row or a column: 22 − 12 − 8, or the regions' totals.
    expect(cellOf(participants, "CIVIL_SOCIETY", "WESTERN_EUROPE_OTHERS")).toMatchObject(withheld);
    expect(cellOf(participants, "GOVERNMENT", "AFRICA")).toMatchObject(withheld);
    expect(cellOf(participants, "GOVERNMENT", "WESTERN_EUROPE_OTHERS")).toMatchObject(withheld);
    expect(participants.columnTotals.map((column) => column.suppressed)).toEqual(["withheld", "fewerThanMinimum", null, null, null, null]);
    expect(participants.columnTotals[4]).toMatchObject({ count: 20, percent: 50 });
    // The comments table hides the same cells: they are the same people.
    expect(cellOf(comments, "CIVIL_SOCIETY", "ASIA_PACIFIC")).toMatchObject(small);
    expect(cellOf(comments, "GOVERNMENT", "AFRICA")).toMatchObject(withheld);
    // No row or column of what is shown leaves exactly one hidden number.
    for (const row of participants.rows) expect(row.cells.filter((cell) => cell.suppressed).length).not.toBe(1);
  });

  it("gives the regions' shares adding up to 100 when the minimum is 1 (STATS_MIN_CELL), and reads the setting", async () => {
    const { participants } = (await participationStatistics(seeded.slug, { minimum: 1 }))!;
    expect(participants.columnTotals.map((column) => column.percent)).toEqual([45, 5, 0, 0, 50, 0]);
    expect(sumOfPercentages(participants.columnTotals.map((column) => column.percent!))).toBe(100);
    expect(sumOfPercentages(participants.rows.flatMap((row) => row.cells.map((cell) => cell.percent!)))).toBe(100);

    const before = process.env.STATS_MIN_CELL;
    try {
      process.env.STATS_MIN_CELL = "3";
      expect(minimumCell()).toBe(3);
      expect((await participationStatistics(seeded.slug))!.minimumCount).toBe(3);
      process.env.STATS_MIN_CELL = "none";
      expect(() => minimumCell()).toThrow(/STATS_MIN_CELL/);
    } finally {
      if (before === undefined) delete process.env.STATS_MIN_CELL;
      else process.env.STATS_MIN_CELL = before;
    }
  });

  it("lists the countries represented, hiding India's 2 and Nigeria's 6 that would give it away", async () => {
    const { countries } = (await participationStatistics(seeded.slug))!;
    expect(countries.represented).toBe(5);
    expect(countries.list).toEqual([
      { country: "KE", count: 12, percent: 30, suppressed: null },
      { country: "NO", count: 11, percent: 27.5, suppressed: null },
      { country: "DE", count: 9, percent: 22.5, suppressed: null },
      { country: "IN", count: null, percent: null, suppressed: "fewerThanMinimum" },
      { country: "NG", count: null, percent: null, suppressed: "withheld" },
    ]);
  });

  it("counts comments per top-level section, the subsection's within its section", async () => {
    const { sections } = (await participationStatistics(seeded.slug))!;
    expect(sections).toEqual([
      { number: "1", heading: "Digital trust", comments: 35, topLevelComments: 25, percent: 70 },
      { number: "2", heading: "Innovation", comments: 15, topLevelComments: 15, percent: 30 },
    ]);
  });

  it("gives no dispositions before the outcome is published", async () => {
    const secretariat = await createActor({ role: "SECRETARIAT" });
    await db.disposition.create({ data: { commentId: seeded.topLevelIds[0]!, outcome: "NOTED", rationale: "Noted.", byId: secretariat.userId } });
    expect((await participationStatistics(seeded.slug))!.dispositions).toBeNull();
    await db.consultation.update({ where: { id: seeded.consultationId }, data: { closesAt: new Date(Date.now() - 1000) } });
    const closed = (await participationStatistics(seeded.slug))!;
    expect(closed.consultation.state).toBe("closed");
    expect(closed.dispositions).toBeNull();
    expect(JSON.stringify(await (await getStats(seeded.slug)).json())).not.toMatch(/NOTED/);
    await db.disposition.deleteMany({ where: { commentId: seeded.topLevelIds[0]! } });
  });
});

describe("a final consultation", () => {
  it("counts top-level comments by their current disposition, adding up to 100 with those left without one", async () => {
    const secretariat = await createActor({ role: "SECRETARIAT" });
    const ids = seeded.topLevelIds;
    const at = (offset: number) => new Date(Date.now() - 100_000 + offset);
    const rows = [
      ...ids.slice(0, 20).map((commentId) => ({ commentId, outcome: "INCORPORATED" as const, createdAt: at(0) })),
      ...ids.slice(20, 30).map((commentId) => ({ commentId, outcome: "NOTED" as const, createdAt: at(0) })),
      // First incorporated, then corrected: the latest row is the current one.
      ...ids.slice(30, 36).map((commentId) => ({ commentId, outcome: "INCORPORATED" as const, createdAt: at(0) })),
      ...ids.slice(30, 36).map((commentId) => ({ commentId, outcome: "NOT_INCORPORATED" as const, createdAt: at(1000) })),
    ];
    await db.disposition.createMany({ data: rows.map((row) => ({ ...row, rationale: "Because.", byId: secretariat.userId })) });
    await db.consultation.update({ where: { id: seeded.consultationId }, data: { finalisedAt: new Date() } });

    const { consultation, dispositions } = (await participationStatistics(seeded.slug))!;
    expect(consultation.state).toBe("final");
    expect(dispositions).toEqual({
      topLevelComments: 40,
      byOutcome: [
        { outcome: "INCORPORATED", count: 20, percent: 50 },
        { outcome: "PARTLY_INCORPORATED", count: 0, percent: 0 },
        { outcome: "NOT_INCORPORATED", count: 6, percent: 15 },
        { outcome: "NOTED", count: 10, percent: 25 },
        { outcome: "OUT_OF_SCOPE", count: 0, percent: 0 },
      ],
      withoutDisposition: { count: 4, percent: 10 },
    });
    expect(sumOfPercentages([...dispositions!.byOutcome.map((row) => row.percent), dispositions!.withoutDisposition.percent])).toBe(100);
  });

  it("answers GET /api/v1/consultations/{slug}/stats with the same figures as JSON, and 404 for a draft or no slug", async () => {
    const response = await getStats(seeded.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const body = await response.json();
    expect(body).toMatchObject({
      consultation: { slug: seeded.slug, state: "final" },
      minimumCount: 5,
      percentDecimals: 1,
      participants: { total: 40 },
      comments: { total: 50, topLevel: 40, replies: 10 },
      countries: { represented: 5 },
      dispositions: { topLevelComments: 40, withoutDisposition: { count: 4, percent: 10 } },
    });
    expect(body.participants.rows[0].cells[1]).toEqual({ region: "ASIA_PACIFIC", count: null, percent: null, suppressed: "fewerThanMinimum" });
    // Nothing about any one person: no names, e-mail addresses or texts.
    expect(JSON.stringify(body)).not.toMatch(/Person|@|Comment \d|Reply/);

    const draft = await importMarkdown(SMALL_DRAFT);
    expect(await participationStatistics(draft.slug)).toBeNull();
    expect((await getStats(draft.slug)).status).toBe(404);
    expect((await getStats("no-such-consultation")).status).toBe(404);
  });

  it("answers for an upcoming consultation with empty tables", async () => {
    const { slug, id } = await importMarkdown(SMALL_DRAFT, { open: true });
    await db.consultation.update({ where: { id }, data: { opensAt: new Date(Date.now() + 86_400_000), closesAt: new Date(Date.now() + 2 * 86_400_000) } });
    const statistics = (await participationStatistics(slug))!;
    expect(statistics.consultation.state).toBe("upcoming");
    expect(statistics.participants.total).toBe(0);
    expect(statistics.countries).toEqual({ represented: 0, list: [] });
    expect(statistics.sections.map((section) => section.comments)).toEqual([0, 0]);
  });
});
