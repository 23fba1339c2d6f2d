import { setRequestLocale } from "next-intl/server";
import { renderForEveryone } from "@/lib/auth/session";
import { isActionOnCachedPage } from "./action-on-cached-page";

type CachedPageProps<Params> = { params: Promise<Params & { locale: string }>; searchParams?: Promise<Record<string, string | string[] | undefined>> };

/**
 * A public page (or its metadata) rendered as the cached document of
 * app/[locale]/public: in the address's language, for nobody in particular,
 * without a query (an address with one is rendered per request). Nothing in
 * it may read cookies or headers, or Next.js would refuse to cache it.
 */
export function forEveryone<Params, Result>(render: (props: { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> }) => Result) {
  return async (props: CachedPageProps<Params>) => {
    setRequestLocale((await props.params).locale);
    // The answer to a server action posted from the page is the acting person's own (lib/http/action-on-cached-page.ts).
    if (!isActionOnCachedPage()) renderForEveryone();
    return render({ params: props.params, searchParams: Promise.resolve({}) });
  };
}
