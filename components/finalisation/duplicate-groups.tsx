import { Link } from "@/components/navigation/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { DuplicateGroupView } from "@/lib/finalisation/duplicate-groups";

type DuplicateGroupsProps = {
  groups: DuplicateGroupView[];
  /** Where a comment is answered: its message's workspace. */
  commentHref: (messageNumber: string, commentId: string) => string;
  /** In a message's workspace: a link that ticks the group's comments for one disposition. */
  selectHref?: (groupIndex: number) => string;
  /** On the consultation's page: a form answering the whole group, across messages. */
  answerForm?: (group: DuplicateGroupView, groupIndex: number) => ReactNode;
};

/** Comments that say the same (or nearly the same) thing, to answer with one disposition. */
export async function DuplicateGroups({ groups, commentHref, selectHref, answerForm }: DuplicateGroupsProps) {
  const t = await getTranslations("finalise.duplicates");
  if (groups.length === 0) return <p>{t("none")}</p>;
  return (
    <ol className="duplicate-groups">
      {groups.map((group, index) => (
        <li key={group.comments[0]!.id}>
          <p>
            <strong>{t(group.exact ? "exactGroup" : "nearGroup", { count: group.comments.length })}</strong>
            {selectHref ? (
              <>
                {" "}
                <Link href={selectHref(index)}>{t("select", { number: index + 1 })}</Link>
              </>
            ) : null}
          </p>
          <ul>
            {group.comments.map((comment) => (
              <li key={comment.id}>
                <Link href={commentHref(comment.messageNumber, comment.id)}>{t("onMessage", { number: comment.messageNumber })}</Link>:{" "}
                <span>{comment.excerpt}</span>
              </li>
            ))}
          </ul>
          {answerForm?.(group, index)}
        </li>
      ))}
    </ol>
  );
}
