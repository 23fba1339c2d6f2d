import { Link } from "@/components/navigation/link";
import { getTranslations } from "next-intl/server";
import { pageWindow } from "@/lib/http/pagination";

type PaginationProps = {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  /** What is paged, for screen readers ("Pages of comments"). */
  label: string;
};

/** Links to the other pages of a list: previous, next, and a window of page numbers. */
export async function Pagination({ page, pageCount, href, label }: PaginationProps) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("pagination");
  return (
    <nav aria-label={label} className="pagination">
      <ul>
        {page > 1 ? (
          <li>
            <Link href={href(page - 1)} rel="prev">
              {t("previous")}
            </Link>
          </li>
        ) : null}
        {pageWindow(page, pageCount).map((number, index) =>
          number === null ? (
            <li key={`gap-${index}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={number}>
              <Link href={href(number)} aria-current={number === page ? "page" : undefined} aria-label={t("page", { page: number })}>
                {number}
              </Link>
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <Link href={href(page + 1)} rel="next">
              {t("next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
