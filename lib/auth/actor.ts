import type { Role } from "@/lib/db/generated/enums";

/** Who is acting: every lib/ entry point takes one (null for anonymous). */
export type Actor = {
  userId: string;
  role: Role;
  email: string;
  name: string | null;
  hasProfile: boolean;
  suspended: boolean;
};
