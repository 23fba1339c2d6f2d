import { setRequestLocale } from "next-intl/server";
import { renderForEveryone } from "@/lib/auth/session";
import { isActionOnCachedPage } from "./action-on-cached-page";

type CachedPageProps<Params> = { params: Promise<Params & { locale: string }>; searchParams?: Promise<Record<string, string | string[] | undefined>> };

type Query = Record<string, string | string[] | undefined>;

/**
 * A public page (or its metadata) rendered as the cached document of
 * app/[locale]/public: in the address's language, for nobody in particular,
 * without a query (an address with one is rendered per request), or with the
 * one its route stands for (`query`: …/in/fr is ?language=fr). Nothing in
 * it may read cookies or headers, or Next.js would refuse to cache it.
 */
export function forEveryone<Params, Result>(
  render: (props: { params: Promise<Params>; searchParams: Promise<Query> }) => Result,
  query: (params: Record<string, string>) => Query = () => ({}),
) {
  return async (props: CachedPageProps<Params>) => {
    const params = await props.params;
    setRequestLocale(params.locale);
    // The answer to a server action posted from the page is the acting person's own (lib/http/action-on-cached-page.ts).
    if (!isActionOnCachedPage()) renderForEveryone();
    return render({ params: props.params, searchParams: Promise.resolve(query(params as Record<string, string>)) });
  };
}

/** The query a translation's cached route (…/in/[language]) stands for. */
export const inTranslation = (params: Record<string, string>): Query => ({ language: params.language });
