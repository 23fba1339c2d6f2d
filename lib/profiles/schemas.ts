import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { nameText } from "@/lib/text/user-text";
import { isCountryCode } from "./countries";
import { REGIONS, STAKEHOLDER_GROUPS } from "./stakeholder";

export const DISPLAY_NAME_MAX = 80;
export const ORGANISATION_MAX = 200;

// Messages are catalogue keys: the form and the server show the same words in the reader's language.
export const profileSchema = z.object({
  name: nameText({ required: "errors.nameRequired", max: DISPLAY_NAME_MAX, tooLong: "errors.nameTooLong" }),
  stakeholderGroup: z.enum(STAKEHOLDER_GROUPS, "errors.groupRequired"),
  region: z.enum(REGIONS, "errors.regionRequired"),
  country: z
    .string("errors.countryRequired")
    .trim()
    .toUpperCase()
    .refine((code) => code.length > 0, "errors.countryRequired")
    .refine(isCountryCode, "errors.countryInvalid"),
  organisation: nameText({ max: ORGANISATION_MAX, tooLong: "errors.organisationTooLong" })
    .optional()
    .transform((value) => value || null),
  preferredLanguage: z.enum(LOCALES, "errors.languageRequired"),
  acceptCodeOfConduct: z.literal(true, "errors.codeOfConductRequired"),
});

export type ProfileInput = z.input<typeof profileSchema>;

/** Form data arrives as strings; a ticked checkbox as "on". */
export function profileFormValues(form: FormData) {
  const text = (key: string) => (typeof form.get(key) === "string" ? String(form.get(key)) : undefined);
  return {
    name: text("name"),
    stakeholderGroup: text("stakeholderGroup"),
    region: text("region"),
    country: text("country"),
    organisation: text("organisation"),
    preferredLanguage: text("preferredLanguage"),
    acceptCodeOfConduct: form.get("acceptCodeOfConduct") === "on" || form.get("acceptCodeOfConduct") === "true",
  };
}
