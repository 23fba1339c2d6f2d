import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordId } from "@/lib/text/user-text";
import { parseInput } from "@/lib/validation";
import type { Actor } from "./actor";
import { requireParticipant } from "./guards";
import { tokenCreateSchema } from "./schemas";

export const TOKEN_PREFIX = "cst_";
export const TOKENS_PER_USER_MAX = 20;
const LAST_USED_PRECISION_MS = 5 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What is stored of a token: its SHA-256, never the token. Null for a string that is not one of ours. */
export function accessTokenHash(token: string): string | null {
  return token.startsWith(TOKEN_PREFIX) ? createHash("sha256").update(token).digest("hex") : null;
}

/** A new token for the actor's own tools, lasting the days chosen; the only time its value is shown. */
export async function createAccessToken(actor: Actor | null, input: unknown, now = new Date()) {
  const user = requireParticipant(actor);
  const { name, expiresInDays } = parseInput(tokenCreateSchema, input);
  const expiresAt = new Date(now.getTime() + expiresInDays * DAY_MS);
  const active = await db.personalAccessToken.count({ where: { userId: user.userId, revokedAt: null, expiresAt: { gt: now } } });
  if (active >= TOKENS_PER_USER_MAX) throw new AppError("CONFLICT", { fieldErrors: { name: "errors.tooManyTokens" } });
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const record = await db.$transaction(async (tx) => {
    const created = await tx.personalAccessToken.create({
      data: { userId: user.userId, name, tokenHash: accessTokenHash(token)!, prefix: token.slice(0, TOKEN_PREFIX.length + 6), expiresAt },
      select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true },
    });
    await recordAudit(tx, {
      actorId: user.userId,
      action: "token.created",
      subjectType: "PersonalAccessToken",
      subjectId: created.id,
      data: { name, expiresAt: expiresAt.toISOString() },
    });
    return created;
  });
  return { token, record };
}

export async function listAccessTokens(actor: Actor | null) {
  const user = requireParticipant(actor);
  return db.personalAccessToken.findMany({
    where: { userId: user.userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true },
  });
}

export async function revokeAccessToken(actor: Actor | null, input: unknown) {
  const user = requireParticipant(actor);
  const { id } = parseInput(z.object({ id: recordId }), input);
  const token = await db.personalAccessToken.findUnique({ where: { id } });
  if (!token || token.userId !== user.userId) throw new AppError("NOT_FOUND");
  if (token.revokedAt) return token;
  return db.$transaction(async (tx) => {
    const revoked = await tx.personalAccessToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { actorId: user.userId, action: "token.revoked", subjectType: "PersonalAccessToken", subjectId: id });
    return revoked;
  });
}

/** Refuses a token past its expiry, saying so (an unknown one is refused without a reason). */
export function requireUnexpiredToken(expiresAt: Date, now: Date) {
  if (expiresAt <= now) throw new AppError("UNAUTHENTICATED", { messageKey: "errors.tokenExpired" });
}

/** Records when a token was last used: coarse on purpose, one write every few minutes rather than one per request. */
export async function noteAccessTokenUse(tokenId: string, lastUsedAt: Date | null, now: Date) {
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() <= LAST_USED_PRECISION_MS) return;
  await db.personalAccessToken.update({ where: { id: tokenId }, data: { lastUsedAt: now } });
}
