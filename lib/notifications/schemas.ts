import { z } from "zod";
import { recordId } from "@/lib/text/user-text";

export const NOTIFICATION_FREQUENCIES = ["IMMEDIATE", "DAILY", "OFF"] as const;

/** A checkbox: "on" when ticked, absent when not (forms); true/false from code. */
const checkbox = z.union([z.boolean(), z.literal("on")]).optional().transform((value) => value === true || value === "on");

export const notificationSettingsSchema = z.object({
  frequency: z.enum(NOTIFICATION_FREQUENCIES, { error: "errors.invalid" }),
  receipts: checkbox,
  replies: checkbox,
});

export const followSchema = z.object({
  consultationId: recordId,
  intent: z.enum(["follow", "unfollow"], { error: "errors.invalid" }),
});
