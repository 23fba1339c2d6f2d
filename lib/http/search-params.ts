/** One value of a URL search parameter: the text when given once and not empty; a repeated or empty parameter is none. */
export function searchParam(value: string | string[] | null | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
