import { z } from "zod";
import { languageTag } from "@/lib/comments/schemas";
import { TITLE_MAX } from "@/lib/consultations/schemas";
import { userText } from "@/lib/text/user-text";
import { TRANSLATORS_MAX } from "./limits";

export { TRANSLATORS_MAX };

/** The translation import form's settings: which language, who translated it, its title. */
export const translationSettingsSchema = z.object({
  language: z.string().trim().min(1, "errors.translationLanguageRequired").pipe(languageTag),
  /** As the translation credits them, in its own language ("Traduit par …"). */
  translators: userText({ required: "errors.translatorsRequired", max: TRANSLATORS_MAX, tooLong: "errors.translatorsTooLong" }),
  /** Empty: the translated document's own title, else the original's. */
  title: userText({ max: TITLE_MAX, tooLong: "errors.titleTooLong" }),
});
export type TranslationSettings = z.output<typeof translationSettingsSchema>;
