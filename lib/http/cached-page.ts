import { setRequestLocale } from "next-intl/server";
import { renderForEveryone } from "@/lib/auth/session";

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
    renderForEveryone();
    return render({ params: props.params, searchParams: Promise.resolve({}) });
  };
}
