import { READER_VIEW, READER_VIEW_COOKIE } from "@/lib/auth/reader-view";
import { KEPT_DRAFTS_ATTRIBUTE } from "@/lib/comments/kept-text";
import { READER_TIME_SCRIPT } from "@/lib/time/reader-time-script";

/**
 * A cached page is a document: everyone can read it, follow its links and use
 * its forms without scripts (that is how it is built and tested). Its scripts
 * (React, Next.js's router: about 160 KB, and half a second of a slow phone's
 * processor) serve the personal parts of a signed-in participant's page
 * (components/personal/). So the edge moves Next.js's `<script src async>`
 * tags (and the preload of one) into a small inline loader at the end of
 * the body, which starts them, in the same order, only in a reader's browser
 * (the hint cookie its scripts wrote, lib/auth/reader-view.ts) or on a page
 * that shows a comment this browser kept and never sent (a closed
 * consultation's message page: lib/comments/kept-text.ts), just after the
 * first frame with the whole text is painted. Any other browser downloads no
 * script: it runs Next.js's inline data scripts (which only store the page's
 * payload) and the reader's own time of the deadline (lib/time/reader-time.ts). Signing in goes through pages rendered for the
 * request, whose scripts write the hint.
 */
const NEXT_SCRIPT = /<script src="(\/_next\/[^"<>&]+)" async=""><\/script>/g;
const NEXT_SCRIPT_PRELOAD = /<link rel="preload" as="script"[^>]*\/>/g;

export function readerScripts(html: string): string {
  const bodyEnd = html.lastIndexOf("</body>");
  if (bodyEnd === -1) return html;
  const sources: string[] = [];
  const document = html
    .slice(0, bodyEnd)
    .replace(NEXT_SCRIPT, (_tag, source: string) => {
      sources.push(source);
      return "";
    })
    .replace(NEXT_SCRIPT_PRELOAD, "");
  if (sources.length === 0) return html;
  // requestAnimationFrame runs just before the next paint, the timeout just after it; a tab opened in the background paints nothing: start at once.
  const loader =
    `<script>(function(){function kept(){try{var p=document.querySelector("[${KEPT_DRAFTS_ATTRIBUTE}]");return!!p&&p.getAttribute("${KEPT_DRAFTS_ATTRIBUTE}").split(" ").some(function(k){` +
    `var d=JSON.parse(localStorage.getItem(k)||"null");return!!(d&&d.body)})}catch(e){return false}}` +
    `if(!/(?:^|;\\s*)${READER_VIEW_COOKIE}=${READER_VIEW}(?:;|$)/.test(document.cookie)&&!kept())return ${READER_TIME_SCRIPT};` +
    `function go(){${JSON.stringify(sources)}.forEach(function(s){` +
    `var e=document.createElement("script");e.src=s;e.async=true;document.head.appendChild(e)})}` +
    `if(document.hidden)go();else requestAnimationFrame(function(){setTimeout(go)})})()</script>`;
  return `${document}${loader}${html.slice(bodyEnd)}`;
}
