import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * Next.js's link without prefetching: a document page lists a hundred
 * messages, and prefetching each one that scrolls into view (the whole page,
 * since the public pages are cached) would spend a reader's slow connection on
 * pages they may never open. Following a link still navigates on the client.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
