"use server";

import { FollowConsultation } from "@/components/notifications/follow-consultation";
import type { PersonalAnswer } from "@/components/personal/personal-part";
import { isFollowing } from "@/lib/notifications/settings";
import { followAction } from "@/app/[locale]/(site)/(public)/consultations/[slug]/actions";
import { forReader, reference } from "./for-reader";

/** The consultation's Follow button as the signed-in reader sees it (see ./for-reader.ts). */
export async function personalFollow(consultationId: unknown, slug: unknown): Promise<PersonalAnswer> {
  const [id, path] = [reference.parse(consultationId), reference.parse(slug)];
  return forReader(async (actor) => <FollowConsultation consultationId={id} slug={path} signedIn following={await isFollowing(actor, id)} action={followAction} />);
}
