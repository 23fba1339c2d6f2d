import { isLocale, LOCALE_NAMES, LOCALES, localeDirection } from "@/lib/i18n/locales";

type LanguageSwitchProps = { current: string; label: string; action: (form: FormData) => Promise<void> };

/**
 * A plain form, so it works without JavaScript: a disclosure that names the
 * current language and opens onto one button per language, each in its own
 * script, which keeps six languages to one small control on a phone.
 */
export function LanguageSwitch({ current, label, action }: LanguageSwitchProps) {
  const currentName = isLocale(current) ? LOCALE_NAMES[current] : current;
  return (
    <form action={action} className="language-switch" aria-label={label}>
      <details>
        <summary>
          <GlobeIcon />
          <span className="visually-hidden">{label}: </span>
          <span lang={current} dir={localeDirection(current)}>{currentName}</span>
        </summary>
        <ul>
          {LOCALES.map((locale) => (
            <li key={locale}>
              <button
                type="submit"
                name="locale"
                value={locale}
                lang={locale}
                dir={localeDirection(locale)}
                aria-current={locale === current ? "true" : undefined}
                disabled={locale === current}
              >
                {LOCALE_NAMES[locale]}
              </button>
            </li>
          ))}
        </ul>
      </details>
    </form>
  );
}

/** Marks the control as the language switch for someone who cannot read the current language. */
function GlobeIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="12" cy="12" r="10" />
      <path d="M2 12h20M12 2a15 15 0 0 1 0 20M12 2a15 15 0 0 0 0 20" />
    </svg>
  );
}
