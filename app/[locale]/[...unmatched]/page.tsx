import { notFound } from "next/navigation";

/** An address no page answers: the not-found page, in the reader's language and the site's layout. */
export default function Unmatched() {
  notFound();
}
