import type postgres from "postgres";
import type { Role } from "./generated/enums";
import { sql } from "./sql";

/** A session cookie's or a personal access token's SHA-256, as stored. */
export type HashedCredential = { kind: "session" | "accessToken"; hash: string };

/** What makes a stored credential still valid at a moment (the rules live in lib/auth). */
export type CredentialValidity = { now: Date; sessionsStartedAfter: Date };

/**
 * The row of the credential's owner: `userId` and the credential's own
 * columns, for a live session (not past its idle end nor its absolute
 * lifetime) or an unrevoked token (its expiry is returned, not filtered, so
 * that an expired token can be told apart from an unknown one). A fragment
 * of SQL, so that the hot path can fold it into a larger statement.
 */
export function credentialSource(credential: HashedCredential, validity: CredentialValidity): postgres.PendingQuery<postgres.Row[]> {
  return credential.kind === "accessToken"
    ? sql()`select "userId", id as "credentialId", "expiresAt", "lastUsedAt", null::timestamp as "startedAt"
        from "PersonalAccessToken" where "tokenHash" = ${credential.hash} and "revokedAt" is null`
    : sql()`select "userId", id as "credentialId", expires as "expiresAt", null::timestamp as "lastUsedAt", "createdAt" as "startedAt"
        from "Session" where "sessionToken" = ${credential.hash} and expires > ${validity.now} and "createdAt" > ${validity.sessionsStartedAfter}`;
}

/** Who a credential belongs to, as the guards need it. */
export type OwnerFacts = { userId: string; role: Role; email: string; name: string | null; suspendedAt: Date | null; hasProfile: boolean; writingLanguage: string | null };

/** The credential's own columns, as credentialSource reads them. */
export type CredentialColumns = { credentialId: string; expiresAt: Date; lastUsedAt: Date | null; startedAt: Date | null };

export type CredentialOwner = OwnerFacts & CredentialColumns;

/** The person behind a credential, with what the guards need, in one statement; null when there is none. */
export async function findCredentialOwner(credential: HashedCredential, validity: CredentialValidity): Promise<CredentialOwner | null> {
  const [row] = await sql()<CredentialOwner[]>`
    select c."credentialId", c."expiresAt", c."lastUsedAt", c."startedAt",
           u.id as "userId", u.role, u.email, u.name, u."suspendedAt", p."userId" is not null as "hasProfile", p."preferredLanguage" as "writingLanguage"
    from (${credentialSource(credential, validity)}) c
    join "User" u on u.id = c."userId"
    left join "StakeholderProfile" p on p."userId" = u.id`;
  return row ?? null;
}
