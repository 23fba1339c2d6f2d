import { defineConfig } from "prisma/config";

// Migrations are applied by lib/db/migrate.ts (the native engine is not
// available offline); this config serves `prisma generate` and, on a
// connected machine, `prisma migrate status`.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/consult" },
});
