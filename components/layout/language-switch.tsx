import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

type LanguageSwitchProps = { current: string; label: string; action: (form: FormData) => Promise<void> };

/** A plain form: works without JavaScript, one button per language. */
export function LanguageSwitch({ current, label, action }: LanguageSwitchProps) {
  return (
    <form action={action} className="language-switch" aria-label={label}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-current={locale === current ? "true" : undefined}
          disabled={locale === current}
        >
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </form>
  );
}
