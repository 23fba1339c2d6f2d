import { createHash } from "node:crypto";

/**
 * A text reduced to what a re-post keeps when someone tries to slip it past a
 * filter: compatibility forms folded (NFKC: full-width letters, ligatures),
 * case folded (upper then lower, so that "ß" and "SS" meet), and every run of
 * whitespace, punctuation, symbols and control characters collapsed to one
 * space, trimmed at both ends.
 */
export function normaliseForMatching(text: string): string {
  return text
    .normalize("NFKC")
    // Invisible format characters (zero-width spaces and joiners) are dropped: they only hide a match.
    .replace(/\p{Cf}/gu, "")
    .toUpperCase()
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\p{Z}\p{Cc}]+/gu, " ")
    .trim();
}

/** SHA-256 (hex) of the normalised text: equal for texts that differ only in case, spacing, punctuation or width. */
export function textFingerprint(text: string): string {
  return createHash("sha256").update(normaliseForMatching(text), "utf8").digest("hex");
}
