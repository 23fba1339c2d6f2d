/**
 * Nesting (quotes in quotes, lists in lists) deeper than the parser follows.
 * A RangeError like the stack overflow that deeper recursion would cause, so
 * both are reported the same way (UNSUPPORTED_FORMAT / TOO_DEEPLY_NESTED).
 */
export class NestingTooDeepError extends RangeError {
  constructor() {
    super("document nesting exceeds the import limit");
    this.name = "NestingTooDeepError";
  }
}
