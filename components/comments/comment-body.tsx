import { LinkedText } from "@/components/text/linked-text";

/**
 * Plain text with line breaks kept (by CSS) and web addresses made into links
 * that search engines do not credit. Nothing typed is ever rendered as HTML.
 */
export function CommentBody({ text }: { text: string }) {
  return (
    <div className="comment-body">
      <LinkedText text={text} />
    </div>
  );
}
