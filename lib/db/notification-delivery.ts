import type postgres from "postgres";
import { sql } from "./sql";

/**
 * The one rule for how a person's notifications travel, as an SQL expression of
 * type "NotificationDelivery": 'DIGEST' for a daily digest, 'MAIL' at once (also
 * for someone who never chose), null when they turned notifications off (then
 * nothing is queued). `userId` is the SQL expression naming the person.
 */
export const notificationDelivery = (userId: postgres.PendingQuery<postgres.Row[]>) => sql()`
  (case coalesce((select s.frequency from "NotificationSetting" s where s."userId" = ${userId}), 'IMMEDIATE')
     when 'DAILY' then 'DIGEST' when 'OFF' then null else 'MAIL' end)::"NotificationDelivery"`;
