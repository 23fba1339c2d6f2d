import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/config";

/** What one unsubscribe link stops: receipts, reply notifications, every notification (a digest), or one followed consultation. */
export type Subscription =
  | { kind: "receipts"; userId: string }
  | { kind: "replies"; userId: string }
  | { kind: "all"; userId: string }
  | { kind: "follow"; userId: string; consultationId: string };

const encode = (subscription: Subscription) =>
  [subscription.kind, subscription.userId, ...(subscription.kind === "follow" ? [subscription.consultationId] : [])].join(":");

function signature(payload: string) {
  // A key of its own, derived from the site's secret: an unsubscribe signature is never valid as anything else.
  const key = createHmac("sha256", authSecret()).update("consult:unsubscribe").digest();
  return createHmac("sha256", key).update(payload).digest("base64url").slice(0, 22);
}

/**
 * The secret in a mail's unsubscribe link: the subscription, signed (128 bits), so that it
 * needs no session, no CSRF token and no stored state, and cannot be made for someone else.
 */
export function unsubscribeToken(subscription: Subscription): string {
  const payload = encode(subscription);
  return `${Buffer.from(payload).toString("base64url")}.${signature(payload)}`;
}

/** The subscription a token names, or null when it is not one this site signed. */
export function readUnsubscribeToken(token: string): Subscription | null {
  const [encoded, given, extra] = token.split(".");
  if (!encoded || !given || extra !== undefined) return null;
  const payload = Buffer.from(encoded, "base64url").toString();
  const [actual, expected] = [Buffer.from(given), Buffer.from(signature(payload))];
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  const [kind, userId, consultationId, rest] = payload.split(":");
  if (!userId || rest !== undefined) return null;
  if (kind === "follow") return consultationId ? { kind, userId, consultationId } : null;
  if ((kind === "receipts" || kind === "replies" || kind === "all") && consultationId === undefined) return { kind, userId };
  return null;
}
