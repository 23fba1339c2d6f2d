import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { launch } from "chrome-launcher";
import lighthouse, { type Result } from "lighthouse";
import puppeteer from "puppeteer-core";
import { READER_VIEW, READER_VIEW_COOKIE } from "@/lib/auth/reader-view";
import { LOCALE_COOKIE, LOCALES, type Locale } from "@/lib/i18n/locales";
import { DEMO_SLUG } from "@/prisma/seed/demo";
import { findChromium } from "../find-chromium.mjs";

/** The demo's pages, as `npm start` shows them. */
export const LIGHTHOUSE_PAGES = [
  { label: "home", path: "/" },
  { label: "consultation", path: `/consultations/${DEMO_SLUG}` },
  { label: "message", path: `/consultations/${DEMO_SLUG}/messages/3.2.1.1` },
] as const;

type Page = (typeof LIGHTHOUSE_PAGES)[number];
/** `lhr`: the median run by performance score (as Lighthouse advises); `tbt`: every run's TBT, to show how much runs vary. */
type Run = { page: Page; locale: Locale; reader: boolean; lhr: Result; tbt: number[] };
type NetworkRequest = { url: string; resourceType?: string; transferSize?: number; resourceSize?: number };
type BootupItem = { url: string; total: number; scripting: number; scriptParseCompile: number };
type WorkItem = { groupLabel: string; duration: number };

const TOP_SCRIPTS = 8;

/** Runs per page and language (BENCH_LIGHTHOUSE_RUNS): single runs vary by hundreds of milliseconds of TBT here. */
const RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3));

/**
 * Lighthouse's default mobile profile (simulated slow 4G, a mid-range phone's CPU) on each page in each interface
 * language, chosen by the language cookie, as anyone reads it (the cached document, whose scripts do not run:
 * lib/http/reader-scripts.ts); then in English as a signed-in reader's browser (the hint cookie: the scripts run,
 * React hydrates; without a session the personal parts stay everyone's). RUNS runs each, the median kept, in one Chromium.
 * BENCH_LIGHTHOUSE_REPORTS=dir keeps each median run's JSON report, for the Lighthouse viewer.
 */
export async function lighthouseBench(baseUrl: string) {
  const chromePath = findChromium();
  if (!chromePath) throw new Error("no Chromium found (set CHROMIUM_PATH)");
  const chrome = await launch({ chromePath, chromeFlags: ["--headless=new", "--no-sandbox"] });
  const reportDir = process.env.BENCH_LIGHTHOUSE_REPORTS;
  if (reportDir) mkdirSync(reportDir, { recursive: true });
  const runs: Run[] = [];
  const started = Date.now();
  try {
    const visits = [...LOCALES.map((locale) => ({ locale, reader: false })), { locale: "en" as const, reader: true }];
    for (const page of LIGHTHOUSE_PAGES) {
      for (const { locale, reader } of visits) {
        const headers = { Cookie: `${LOCALE_COOKIE}=${locale}` };
        // The cached document rendered once before it is measured, as a reader after the first one gets it.
        const warm = await fetch(baseUrl + page.path, { headers });
        await warm.body?.cancel();
        if (!warm.ok) throw new Error(`${page.path} (${locale}) answered ${warm.status}`);
        const results = [];
        for (let run = 0; run < RUNS; run += 1) {
          const measure = () => lighthouse(baseUrl + page.path, { port: chrome.port, logLevel: "error", output: "json", onlyCategories: ["performance"], extraHeaders: headers });
          // The hint again before each run: without a session, the page's personal parts hear "not signed in" and clear it.
          const result = reader ? await withReaderHint(chrome.port, baseUrl, measure) : await measure();
          if (!result) throw new Error(`Lighthouse returned nothing for ${page.path} (${locale})`);
          if (result.lhr.runtimeError) throw new Error(`Lighthouse failed on ${page.path} (${locale}): ${result.lhr.runtimeError.message}`);
          const javascript = scripts(result.lhr).length;
          if (reader ? javascript === 0 : javascript > 0) throw new Error(`${page.path} (${locale}${reader ? ", a reader's browser" : ""}) loaded ${javascript} script(s)`);
          results.push(result);
        }
        results.sort((a, b) => (a.lhr.categories.performance?.score ?? 0) - (b.lhr.categories.performance?.score ?? 0));
        const median = results[Math.floor(results.length / 2)]!;
        if (reportDir) writeFileSync(path.join(reportDir, `${page.label}-${locale}${reader ? "-reader" : ""}.json`), median.report as string);
        runs.push({ page, locale, reader, lhr: median.lhr, tbt: results.map((result) => numeric(result.lhr, "total-blocking-time")) });
      }
    }
  } finally {
    chrome.kill();
  }
  return { runs, seconds: (Date.now() - started) / 1000 };
}

/** The hint a signed-in reader's scripts write, as a cookie in the browser itself: the page's loader reads document.cookie. */
async function withReaderHint<T>(port: number, baseUrl: string, measure: () => Promise<T>) {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}` });
  const tab = await browser.newPage();
  const hint = { name: READER_VIEW_COOKIE, value: READER_VIEW, url: baseUrl };
  try {
    await tab.setCookie(hint);
    return await measure();
  } finally {
    await tab.deleteCookie(hint);
    await tab.close();
    await browser.disconnect();
  }
}

const numeric = (lhr: Result, id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
const items = <T>(lhr: Result, id: string) => ((lhr.audits[id]?.details as { items?: T[] } | undefined)?.items ?? []);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const msText = (ms: number) => `${ms.toFixed(0)} ms`;
const pathOf = (url: string) => {
  const { pathname } = new URL(url);
  return pathname.length > 64 ? `…${pathname.slice(-63)}` : pathname;
};
const scripts = (lhr: Result) => items<NetworkRequest>(lhr, "network-requests").filter((request) => request.resourceType === "Script");

export function describeLighthouse({ runs, seconds: took }: { runs: Run[]; seconds: number }) {
  const lines = [
    `\nLighthouse ${runs[0]?.lhr.lighthouseVersion ?? ""}, mobile (simulated slow 4G, 4× CPU slowdown), the demo's pages, the median of ${RUNS} run(s) each (${took.toFixed(0)} s):`,
    `  ${"page".padEnd(13)} ${"lang"} ${"score".padStart(5)} ${"TBT".padStart(7)} ${"LCP".padStart(7)} ${"FCP".padStart(7)} ${"CLS".padStart(6)} ${"JS".padStart(7)} ${"total".padStart(7)}  TBT of each run`,
  ];
  for (const { page, locale, reader, lhr, tbt } of runs) {
    const score = Math.round((lhr.categories.performance?.score ?? 0) * 100);
    const js = scripts(lhr).reduce((sum, request) => sum + (request.transferSize ?? 0), 0);
    lines.push(
      `  ${(reader ? `${page.label}*` : page.label).padEnd(13)} ${locale.padEnd(4)} ${String(score).padStart(5)} ${msText(numeric(lhr, "total-blocking-time")).padStart(7)}` +
        ` ${seconds(numeric(lhr, "largest-contentful-paint")).padStart(7)} ${seconds(numeric(lhr, "first-contentful-paint")).padStart(7)}` +
        ` ${numeric(lhr, "cumulative-layout-shift").toFixed(3).padStart(6)} ${kb(js).padStart(7)} ${kb(numeric(lhr, "total-byte-weight")).padStart(7)}` +
        `  ${tbt.map((ms) => ms.toFixed(0)).join(" / ")}`,
    );
  }
  lines.push("  targets: score ≥ 95, TBT ≤ 200 ms, LCP ≤ 2.0 s; JS and total are bytes transferred (compressed)");
  lines.push("  * a signed-in reader's browser (the hint cookie): the page's scripts run and React hydrates it");
  const benchmarkIndex = runs[0]?.lhr.environment.benchmarkIndex;
  // The 4× slowdown assumes a desktop-class host; Lighthouse itself warns below an index of 1,000 (CPU figures inflated).
  if (benchmarkIndex) lines.push(`  this machine's Lighthouse benchmark index: ${benchmarkIndex.toFixed(0)} (Lighthouse warns of a slow host below 1,000)`);
  for (const { page, reader, lhr } of runs.filter((run) => run.locale === "en")) lines.push(...describeCosts(page, reader, lhr));
  return lines.join("\n");
}

/** Where a page's time and bytes go (its English runs): the largest scripts, the main thread by kind of work, and by script. */
function describeCosts(page: Page, reader: boolean, lhr: Result) {
  const lines = [`\n  ${page.label} (${page.path}, en${reader ? ", a signed-in reader's browser" : ""}): ${numeric(lhr, "dom-size").toFixed(0)} elements, server response ${msText(numeric(lhr, "server-response-time"))}`];
  lines.push("    largest scripts (transferred, uncompressed):");
  for (const request of scripts(lhr).sort((a, b) => (b.transferSize ?? 0) - (a.transferSize ?? 0)).slice(0, TOP_SCRIPTS)) {
    lines.push(`      ${kb(request.transferSize ?? 0).padStart(7)} ${kb(request.resourceSize ?? 0).padStart(7)}  ${pathOf(request.url)}`);
  }
  lines.push(`    main thread, ${msText(numeric(lhr, "mainthread-work-breakdown"))} (mainthread-work-breakdown):`);
  for (const item of items<WorkItem>(lhr, "mainthread-work-breakdown")) lines.push(`      ${msText(item.duration).padStart(7)}  ${item.groupLabel}`);
  lines.push(`    JavaScript execution, ${msText(numeric(lhr, "bootup-time"))} (bootup-time: total, scripting, parse and compile):`);
  for (const item of items<BootupItem>(lhr, "bootup-time")) {
    lines.push(`      ${msText(item.total).padStart(7)} ${msText(item.scripting).padStart(7)} ${msText(item.scriptParseCompile).padStart(7)}  ${item.url.startsWith("http") ? pathOf(item.url) : item.url}`);
  }
  return lines;
}
