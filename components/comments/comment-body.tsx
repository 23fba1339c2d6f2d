const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]}'’”。，；：！？）】]/giu;

/**
 * Plain text with line breaks kept (by CSS) and web addresses made into links
 * that search engines do not credit. Nothing typed is ever rendered as HTML.
 */
export function CommentBody({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <a key={start} href={match[0]} rel="nofollow ugc noopener" target="_blank">
        {match[0]}
      </a>,
    );
    last = start + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <div className="comment-body">{parts}</div>;
}
