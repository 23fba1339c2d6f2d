import type { Actor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { followSchema, notificationSettingsSchema } from "./schemas";
import { readUnsubscribeToken, type Subscription } from "./unsubscribe-token";

/** What someone who never chose gets: receipts, and nothing else until they follow a consultation or turn replies on. */
export const DEFAULT_SETTINGS = { frequency: "IMMEDIATE", receipts: true, replies: false } as const;

export async function getNotificationSettings(actor: Actor | null) {
  const user = requireUser(actor);
  const setting = await db.notificationSetting.findUnique({ where: { userId: user.userId }, select: { frequency: true, receipts: true, replies: true } });
  return setting ?? DEFAULT_SETTINGS;
}

export async function saveNotificationSettings(actor: Actor | null, input: unknown) {
  const user = requireUser(actor);
  const data = parseInput(notificationSettingsSchema, input);
  return db.notificationSetting.upsert({ where: { userId: user.userId }, create: { userId: user.userId, ...data }, update: data });
}

/** Follow or unfollow a published consultation (the secretariat may follow its drafts too). */
export async function setFollow(actor: Actor | null, input: unknown) {
  const user = requireUser(actor);
  const { consultationId, intent } = parseInput(followSchema, input);
  const consultation = await db.consultation.findUnique({ where: { id: consultationId }, select: { publishedAt: true } });
  if (!consultation || (!consultation.publishedAt && user.role === "PARTICIPANT")) throw new AppError("NOT_FOUND");
  if (intent === "follow") {
    await db.consultationFollow.upsert({ where: { userId_consultationId: { userId: user.userId, consultationId } }, create: { userId: user.userId, consultationId }, update: {} });
  } else {
    await db.consultationFollow.deleteMany({ where: { userId: user.userId, consultationId } });
  }
  return { following: intent === "follow" };
}

export async function isFollowing(actor: Actor | null, consultationId: string) {
  if (!actor) return false;
  return (await db.consultationFollow.count({ where: { userId: actor.userId, consultationId } })) > 0;
}

/** The consultations a person follows, for the account page. */
export async function listFollowed(actor: Actor | null) {
  const user = requireUser(actor);
  return db.consultationFollow.findMany({
    where: { userId: user.userId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { consultation: { select: { id: true, slug: true, title: true } } },
  });
}

/** What an unsubscribe link stops, for its page: null when the link is not valid. */
export async function describeUnsubscribe(token: string) {
  const subscription = readUnsubscribeToken(token);
  if (!subscription) return null;
  const title =
    subscription.kind === "follow"
      ? ((await db.consultation.findUnique({ where: { id: subscription.consultationId }, select: { title: true } }))?.title ?? null)
      : null;
  return { kind: subscription.kind, title };
}

/**
 * Stops what the link names, with no session: the signed token is the
 * permission (RFC 8058 one-click). Repeating it changes nothing. False when the
 * token is not valid.
 */
export async function unsubscribe(token: string): Promise<Subscription | null> {
  const subscription = readUnsubscribeToken(token);
  if (!subscription) return null;
  const { userId } = subscription;
  if (subscription.kind === "follow") {
    await db.consultationFollow.deleteMany({ where: { userId, consultationId: subscription.consultationId } });
    return subscription;
  }
  const change = subscription.kind === "receipts" ? { receipts: false } : subscription.kind === "replies" ? { replies: false } : { frequency: "OFF" as const };
  // deleteMany/updateMany-like safety: a token for an account that no longer exists changes nothing.
  if (await db.user.count({ where: { id: userId } })) {
    await db.notificationSetting.upsert({ where: { userId }, create: { userId, ...DEFAULT_SETTINGS, ...change }, update: change });
  }
  return subscription;
}
