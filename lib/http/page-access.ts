import { forbidden, redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin, requireSecretariat, requireUser } from "@/lib/auth/guards";
import { getActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";

/** For pages: sends anonymous visitors to sign in and answers 403 to the rest who may not see it. */
async function pageActor(check: (actor: Actor | null) => Actor, returnTo: string): Promise<Actor> {
  const actor = await getActor();
  try {
    return check(actor);
  } catch (error) {
    if (isAppError(error) && error.code === "UNAUTHENTICATED") {
      redirect(`/sign-in?${new URLSearchParams({ callbackUrl: returnTo })}`);
    }
    if (isAppError(error)) forbidden();
    throw error;
  }
}

export const signedInPage = (returnTo: string) => pageActor(requireUser, returnTo);
export const secretariatPage = (returnTo: string) => pageActor(requireSecretariat, returnTo);

/** A participant page: also sends people without a profile to complete it first. */
export async function participantPage(returnTo: string): Promise<Actor> {
  const actor = await signedInPage(returnTo);
  if (!actor.hasProfile) redirect(`/account/profile?${new URLSearchParams({ callbackUrl: returnTo })}`);
  return actor;
}

export const adminPage = (returnTo: string) => pageActor(requireAdmin, returnTo);
