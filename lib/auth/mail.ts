import nodemailer from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { outboxEnabled } from "./config";

export type Mail = {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe (not kept by the development outbox, whose page shows the text). */
  headers?: Record<string, string>;
  /** A stable Message-ID lets a receiving system recognise a copy. */
  messageId?: string;
};

/** Why sending failed, for the queue's retry decision (lib/notifications/worker.ts). */
export type MailFailure = { code?: string; responseCode?: number; message: string };

let transport: { url: string; transporter: nodemailer.Transporter } | undefined;

/**
 * A server that does not answer must not hold a sender for long (nodemailer waits
 * 2 minutes to connect and 10 for a reply by default): the worker has to finish
 * within the app's stop deadline, and a sign-in mail is awaited by a person.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** Sends through SMTP_URL, or (development) to the server log and the outbox page. */
export async function sendMail(mail: Mail) {
  if (outboxEnabled()) return deliverMail(mail);
  try {
    await deliverMail(mail);
  } catch (error) {
    if (error instanceof AppError) throw error;
    // The recipient is personal data and the SMTP URL may hold a password: log neither.
    console.error("[mail] sending failed:", (error as Error).message);
    throw new AppError("MAIL_FAILED");
  }
}

/** As sendMail, but an SMTP failure reaches the caller as it is (code, responseCode), for the queue to decide whether to retry. */
export async function deliverMail(mail: Mail) {
  if (outboxEnabled()) {
    await db.outboxMessage.create({ data: { to: mail.to, subject: mail.subject, text: mail.text } });
    // Development only: the log is where a developer without SMTP finds the link.
    if (process.env.CONSULT_MAIL_LOG !== "0") console.info(`[mail] to ${mail.to}: ${mail.subject}\n${mail.text}`);
    return;
  }
  const url = process.env.SMTP_URL;
  if (!url) {
    console.error("[mail] SMTP_URL is not set: cannot send mail (set CONSULT_DEV_OUTBOX=1 only in development).");
    throw new AppError("MAIL_FAILED");
  }
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(new SMTPTransport({ url, ...SMTP_TIMEOUTS })) };
  await transport.transporter.sendMail({ from: process.env.MAIL_FROM ?? "Consult <no-reply@localhost>", ...mail });
}
