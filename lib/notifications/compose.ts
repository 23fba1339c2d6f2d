import { appUrl } from "@/lib/auth/config";
import type { Mail } from "@/lib/auth/mail";
import { db } from "@/lib/db/client";
import type { Notification, NotificationKind } from "@/lib/db/generated/client";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import { formatInstant } from "@/lib/time/format";
import { DEFAULT_SETTINGS } from "./settings";
import { unsubscribeToken, type Subscription } from "./unsubscribe-token";

type Item = Pick<Notification, "id" | "kind" | "userId" | "commentId" | "consultationId" | "createdAt">;
type Recipient = Awaited<ReturnType<typeof loadRecipient>>;

/**
 * The mail for a queued notification, in the recipient's language, with its
 * one-click unsubscribe (RFC 8058); null when it is not wanted any more (the
 * person turned it off or unfollowed after it was queued) or its subject is gone.
 */
export async function composeNotification(item: Item, digestItems: Item[] = []): Promise<Mail | null> {
  const recipient = await loadRecipient(item.userId);
  if (!recipient) return null;
  const t = translatorFor(recipient.locale);
  if (item.kind === "DIGEST") {
    const parts = (await Promise.all(digestItems.map((entry) => itemText(entry, recipient)))).filter((part) => part !== null);
    if (!parts.length) return null;
    return withUnsubscribe(recipient, { kind: "all", userId: item.userId }, item.id, {
      subject: t("mail.digest.subject", { count: parts.length }),
      text: [t("mail.digest.intro", { count: parts.length }), ...parts.map((part) => `— ${part.subject}\n\n${part.text}`)].join("\n\n"),
    });
  }
  if (item.kind === "COMMENT_HIDDEN" || item.kind === "COMMENT_HELD" || item.kind === "APPEAL_DECIDED") return moderationMail(item, recipient);
  const part = await itemText(item, recipient);
  return part ? withUnsubscribe(recipient, part.subscription, item.id, part) : null;
}

async function loadRecipient(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, suspendedAt: true, profile: { select: { preferredLanguage: true } }, notificationSetting: true, follows: { select: { consultationId: true } } },
  });
  if (!user || user.suspendedAt) return null;
  const language = user.profile?.preferredLanguage;
  const setting = user.notificationSetting ?? DEFAULT_SETTINGS;
  return {
    email: user.email,
    locale: (isLocale(language) ? language : DEFAULT_LOCALE) as Locale,
    setting,
    follows: new Set(user.follows.map((follow) => follow.consultationId)),
  };
}

const CONSULTATION_KINDS = {
  CONSULTATION_OPENED: "opened",
  CONSULTATION_LAST_DAY: "lastDay",
  CONSULTATION_CLOSED: "closed",
  OUTCOME_PUBLISHED: "outcomePublished",
} as const satisfies Partial<Record<NotificationKind, string>>;

/** One notification's subject and text, and what its unsubscribe link stops; null when not wanted any more. */
async function itemText(item: Item, recipient: NonNullable<Recipient>): Promise<{ subject: string; text: string; subscription: Subscription } | null> {
  const t = translatorFor(recipient.locale);
  // As the consultation's pages show it: in its reference zone, with the exact instant after.
  const when = (date: Date, timeZone: string) => `${formatInstant(date, recipient.locale, timeZone)} · ${date.toISOString()}`;
  if (item.kind === "RECEIPT" || item.kind === "REPLY") {
    if (item.kind === "RECEIPT" ? !recipient.setting.receipts : !recipient.setting.replies || recipient.setting.frequency === "OFF") return null;
    const comment = item.commentId
      ? await db.comment.findUnique({
          where: { id: item.commentId },
          select: {
            id: true, body: true, status: true, receiptNumber: true, createdAt: true, authorName: true,
            message: { select: { number: true, consultation: { select: { slug: true, title: true, referenceTimeZone: true } } } },
          },
        })
      : null;
    if (!comment) return null;
    const { slug, title, referenceTimeZone } = comment.message.consultation;
    const values = { number: comment.message.number, title, link: `${appUrl()}/consultations/${slug}/messages/${comment.message.number}#comment-${comment.id}` };
    if (item.kind === "RECEIPT") {
      // The receipt is proof of filing: it is sent whatever became of the comment since.
      return {
        subscription: { kind: "receipts", userId: item.userId },
        subject: t("mail.receipt.subject", { receipt: comment.receiptNumber ?? "", title }),
        text: [
          t("mail.receipt.body", { ...values, receipt: comment.receiptNumber ?? "", acceptedAt: when(comment.createdAt, referenceTimeZone), body: comment.body }),
          // Held for review (pre-moderation, or a re-post): the receipt says it is not public yet.
          ...(comment.status === "PENDING" ? [t("moderationNotices.receiptPending")] : []),
        ].join("\n\n"),
      };
    }
    if (comment.status !== "PUBLISHED") return null;
    return {
      subscription: { kind: "replies", userId: item.userId },
      subject: t("mail.reply.subject", { name: comment.authorName, number: comment.message.number }),
      text: t("mail.reply.body", { ...values, name: comment.authorName, body: comment.body }),
    };
  }
  if (item.kind === "DIGEST" || item.kind in MODERATION_KINDS || !item.consultationId) return null;
  if (recipient.setting.frequency === "OFF" || !recipient.follows.has(item.consultationId)) return null;
  const consultation = await db.consultation.findUnique({
    where: { id: item.consultationId },
    select: { slug: true, title: true, opensAt: true, closesAt: true, publishedAt: true, referenceTimeZone: true },
  });
  if (!consultation?.publishedAt) return null;
  const key = CONSULTATION_KINDS[item.kind as keyof typeof CONSULTATION_KINDS];
  return {
    subscription: { kind: "follow", userId: item.userId, consultationId: item.consultationId },
    subject: t(`mail.${key}.subject`, { title: consultation.title }),
    text: t(`mail.${key}.body`, {
      title: consultation.title,
      link: `${appUrl()}/consultations/${consultation.slug}`,
      closesAt: consultation.closesAt ? when(consultation.closesAt, consultation.referenceTimeZone) : "",
    }),
  };
}

const MODERATION_KINDS = { COMMENT_HIDDEN: "hidden", COMMENT_HELD: "held", APPEAL_DECIDED: "appealDecided" } as const;

/**
 * What the moderators did with the recipient's comment: hidden (category,
 * public note, how to appeal), held for review, or their appeal decided. Not
 * a subscription (it concerns the person's own text and their right to
 * appeal), so sent whatever their settings; null when the state it reports
 * has changed since (a hiding already reversed, a hold already decided).
 */
async function moderationMail(item: Item, recipient: NonNullable<Recipient>): Promise<Mail | null> {
  if (!item.commentId) return null;
  const t = translatorFor(recipient.locale);
  const comment = await db.comment.findUnique({
    where: { id: item.commentId },
    select: {
      id: true, body: true, status: true, moderatedAt: true, moderationReason: true, moderationNote: true,
      message: { select: { number: true, consultation: { select: { slug: true, title: true } } } },
      appeals: { where: { outcome: { not: null } }, orderBy: { decidedAt: "desc" }, take: 1, select: { outcome: true, decisionNote: true } },
    },
  });
  if (!comment) return null;
  const { title, slug } = comment.message.consultation;
  const values = {
    title,
    number: comment.message.number,
    body: comment.body,
    at: comment.moderatedAt ? `${formatInstant(comment.moderatedAt, recipient.locale, "UTC")} · ${comment.moderatedAt.toISOString()}` : "",
    reason: comment.moderationReason ? t(`moderationNotices.reasons.${comment.moderationReason}`) : "",
    note: comment.moderationNote ?? "",
    link: `${appUrl()}/consultations/${slug}/messages/${comment.message.number}#comment-${comment.id}`,
    account: `${appUrl()}/account#moderation`,
  };
  let mail: { subject: string; text: string } | null = null;
  if (item.kind === "COMMENT_HIDDEN" && comment.status === "HIDDEN") {
    mail = { subject: t("moderationNotices.mail.hidden.subject", values), text: t("moderationNotices.mail.hidden.body", values) };
  } else if (item.kind === "COMMENT_HELD" && comment.status === "PENDING") {
    mail = { subject: t("moderationNotices.mail.held.subject", values), text: t("moderationNotices.mail.held.body", values) };
  } else if (item.kind === "APPEAL_DECIDED" && comment.appeals[0]) {
    const [appeal] = comment.appeals;
    const key = appeal.outcome === "REVERSED" ? "reversed" : "upheld";
    mail = {
      subject: t(`moderationNotices.mail.${key}.subject`, values),
      text: t(`moderationNotices.mail.${key}.body`, { ...values, decisionNote: appeal.decisionNote ?? "" }),
    };
  }
  if (!mail) return null;
  return {
    to: recipient.email,
    subject: mail.subject,
    text: `${mail.text}\n\n--\n${t("moderationNotices.mail.footer", { link: values.account })}`,
    messageId: `<${item.id}@${new URL(appUrl()).hostname}>`,
  };
}

/** Every mail says how to stop it: in its text, and in the headers mail programs show as an "Unsubscribe" button. */
function withUnsubscribe(recipient: NonNullable<Recipient>, subscription: Subscription, id: string, mail: { subject: string; text: string }): Mail {
  const t = translatorFor(recipient.locale);
  const token = unsubscribeToken(subscription);
  return {
    to: recipient.email,
    subject: mail.subject,
    text: `${mail.text}\n\n--\n${t(`mail.unsubscribe.${subscription.kind}`, { link: `${appUrl()}/unsubscribe/${token}` })}\n${t("mail.unsubscribe.settings", { link: `${appUrl()}/account#notifications` })}`,
    headers: {
      "List-Unsubscribe": `<${appUrl()}/api/unsubscribe/${token}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    messageId: `<${id}@${new URL(appUrl()).hostname}>`,
  };
}
