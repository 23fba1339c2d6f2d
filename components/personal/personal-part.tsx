"use client";

import { useEffect, useState, type ReactNode } from "react";
import { isReaderBrowser, markReaderBrowser } from "./reader-view";

/**
 * A personal part's server-side rendering for whoever is signed in
 * (a server action: it reads the session): the part as the reader sees it,
 * or what the browser should do instead.
 */
export type PersonalAnswer =
  /** Not signed in (any more): the page as everyone sees it is right. */
  | { signedIn: false }
  /** Signed in as the secretariat: its pages are rendered for the request. */
  | { signedIn: true; reader: false }
  | { signedIn: true; reader: true; part: ReactNode };

/**
 * On a cached page, a part that differs for a signed-in reader: what everyone
 * sees (`children`, also what a browser without scripts keeps) until the
 * server has rendered the part for this reader. Only a browser that has said
 * it is a reader's (lib/auth/reader-view.ts) asks; a visitor who is not signed
 * in costs the server nothing more than the cached document.
 */
export function PersonalPart({ load, forEveryone = true, children }: { load: () => Promise<PersonalAnswer>; forEveryone?: boolean; children: ReactNode }) {
  const [part, setPart] = useState<{ node: ReactNode } | null>(null);
  // Rendered for this reader already (the answer to their own server action, say): it replaces what was loaded, keeping its forms' state.
  if (!forEveryone && part) setPart(null);
  useEffect(() => {
    if (!forEveryone || !isReaderBrowser()) return;
    let current = true;
    load().then(
      (answer) => {
        if (!current) return;
        if (answer.signedIn && answer.reader) return setPart({ node: answer.part });
        markReaderBrowser(false);
        // The secretariat's pages differ from the public ones beyond their personal parts.
        if (answer.signedIn) window.location.reload();
      },
      // The page as everyone sees it stays: its links and forms work, and the server decides every write.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [load, forEveryone]);
  return part ? part.node : children;
}

/** On pages rendered for the request: keeps the hint true, so that the edge sends this browser the cached pages it can fill in. */
export function ReaderBrowserMark({ reader }: { reader: boolean }) {
  useEffect(() => markReaderBrowser(reader), [reader]);
  return null;
}
