/**
 * A cached page is read before it is used: its text should be on the screen
 * before its scripts compete for a slow connection and a slow phone's CPU.
 * Next.js puts its scripts in the head (`<script src async>`), so they are
 * fetched at once and may run before the text is first painted. The edge
 * moves them: a small inline script at the end of the body starts them just
 * after the first frame with the whole document is painted, in the same
 * order (they were async: nothing waits on their order). The page then
 * hydrates as before; without scripts nothing changes.
 */
const HEAD_SCRIPT = /<script src="([^"<>&]+)" async=""><\/script>/g;

export function scriptsAfterPaint(html: string): string {
  const headEnd = html.indexOf("</head>");
  const bodyEnd = html.lastIndexOf("</body>");
  if (headEnd === -1 || bodyEnd < headEnd) return html;
  const sources: string[] = [];
  const head = html.slice(0, headEnd).replace(HEAD_SCRIPT, (_tag, source: string) => {
    sources.push(source);
    return "";
  });
  if (sources.length === 0) return html;
  // requestAnimationFrame runs just before the next paint, the timeout just after it; a tab opened in the background paints nothing: start at once.
  const loader =
    `<script>(function(){function go(){${JSON.stringify(sources)}.forEach(function(s){` +
    `var e=document.createElement("script");e.src=s;e.async=true;document.head.appendChild(e)})}` +
    `if(document.hidden)go();else requestAnimationFrame(function(){setTimeout(go)})})()</script>`;
  return `${head}${html.slice(headEnd, bodyEnd)}${loader}${html.slice(bodyEnd)}`;
}
