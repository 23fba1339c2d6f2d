import SitePage, { generateMetadata as siteMetadata } from "@/app/[locale]/(site)/(public)/developers/page";
import { forEveryone } from "@/lib/http/cached-page";

/** The cached document of the open data and API page: see lib/http/page-route.ts. */
export const revalidate = 30;
/** None at build time (it has no database): each is rendered on its first request, then kept. */
export async function generateStaticParams() {
  return [];
}
export const generateMetadata = forEveryone(siteMetadata);
export default forEveryone(SitePage);
