import { randomInt } from "node:crypto";

/** Letters and digits that cannot be mistaken for one another when read aloud or retyped (no 0/O, 1/I/L, U/V). */
export const RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";

/** A comment's tracking number, e.g. "C-7KQ2-M9XD": random (29⁸ ≈ 5·10¹¹ values), unique by a database index. */
export function newReceiptNumber(): string {
  let code = "";
  for (let i = 0; i < 8; i++) code += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return `C-${code.slice(0, 4)}-${code.slice(4)}`;
}

export const RECEIPT_NUMBER_PATTERN = new RegExp(`^C-[${RECEIPT_ALPHABET}]{4}-[${RECEIPT_ALPHABET}]{4}$`);
