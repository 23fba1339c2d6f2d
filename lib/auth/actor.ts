import type { Role } from "@/lib/db/generated/enums";

/** Who is acting: every lib/ entry point takes one (null for anonymous). */
export type Actor = {
  userId: string;
  role: Role;
  email: string;
  name: string | null;
  hasProfile: boolean;
  /** The language they write in unless they say otherwise: their profile's (null without a profile). */
  writingLanguage: string | null;
  suspended: boolean;
};
