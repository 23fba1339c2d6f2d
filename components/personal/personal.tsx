import type { ReactNode } from "react";
import { isRenderedForEveryone } from "@/lib/auth/session";
import { PersonalPart, type PersonalAnswer } from "./personal-part";

/**
 * A part of a page that differs for a signed-in reader. Rendered for the
 * request (or for a server action's answer), the page already has it right
 * (`children`); as a cached document, the reader's browser has it rendered
 * again by `load`, a server action from app/actions/personal/.
 */
export function Personal({ load, children }: { load: () => Promise<PersonalAnswer>; children: ReactNode }) {
  return (
    <PersonalPart load={load} forEveryone={isRenderedForEveryone()}>
      {children}
    </PersonalPart>
  );
}
