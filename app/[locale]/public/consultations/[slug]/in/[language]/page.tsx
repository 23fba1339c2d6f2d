import SitePage, { generateMetadata as siteMetadata } from "@/app/[locale]/(site)/(public)/consultations/[slug]/page";
import { forEveryone, inTranslation } from "@/lib/http/cached-page";

/** The cached document of a consultation's document read in a translation (?language=fr): see lib/http/page-route.ts. */
export const revalidate = 30;
/** None at build time (it has no database): each is rendered on its first request, then kept. */
export async function generateStaticParams() {
  return [];
}
export const generateMetadata = forEveryone(siteMetadata, inTranslation);
export default forEveryone(SitePage, inTranslation);
