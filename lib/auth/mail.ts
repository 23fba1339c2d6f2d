import nodemailer from "nodemailer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { outboxEnabled } from "./config";

export type Mail = { to: string; subject: string; text: string };

let transport: nodemailer.Transporter | undefined;

/** Sends through SMTP_URL, or (development) to the server log and the outbox page. */
export async function sendMail(mail: Mail) {
  if (outboxEnabled()) {
    await db.outboxMessage.create({ data: mail });
    // Development only: the log is where a developer without SMTP finds the link.
    if (process.env.CONSULT_MAIL_LOG !== "0") console.info(`[mail] to ${mail.to}: ${mail.subject}\n${mail.text}`);
    return;
  }
  if (!process.env.SMTP_URL) {
    console.error("[mail] SMTP_URL is not set: cannot send mail (set CONSULT_DEV_OUTBOX=1 only in development).");
    throw new AppError("MAIL_FAILED");
  }
  transport ??= nodemailer.createTransport(process.env.SMTP_URL);
  try {
    await transport.sendMail({ from: process.env.MAIL_FROM ?? "Consult <no-reply@localhost>", ...mail });
  } catch (error) {
    // The recipient is personal data and the SMTP URL may hold a password: log neither.
    console.error("[mail] sending failed:", (error as Error).message);
    throw new AppError("MAIL_FAILED");
  }
}
