import "server-only";
import nodemailer from "nodemailer";
import { getDb } from "@/lib/db/client";
import { readEnv } from "@/lib/env";

// Email goes out only when SMTP_URL is set. Each notification is claimed (emailedAt set) before sending,
// so two workers never send it twice; a failed send releases the claim and the queue retries.

let transport: { url: string; mailer: nodemailer.Transporter } | undefined;

function mailer(url: string) {
  if (!transport || transport.url !== url) transport = { url, mailer: nodemailer.createTransport(url) };
  return transport.mailer;
}

export const emailEnabled = () => !!readEnv().smtpUrl;

export async function sendNotificationEmail(notificationId: string): Promise<"sent" | "skipped"> {
  const { smtpUrl, mailFrom, appUrl } = readEnv();
  if (!smtpUrl) return "skipped";
  const db = getDb();
  const claimed = await db.notification.updateMany({
    where: { id: notificationId, emailWanted: true, emailedAt: null },
    data: { emailedAt: new Date() },
  });
  if (claimed.count === 0) return "skipped";
  const n = await db.notification.findUniqueOrThrow({
    where: { id: notificationId },
    include: { user: { select: { email: true, name: true } } },
  });
  const link = n.link ? `${appUrl}${n.link}` : appUrl;
  try {
    await mailer(smtpUrl).sendMail({
      from: mailFrom,
      to: { name: n.user.name, address: n.user.email },
      subject: n.title,
      text: [n.title, "", n.body, "", `Open it: ${link}`, "", `Choose what reaches you: ${appUrl}/notifications/settings`].join("\n"),
    });
    return "sent";
  } catch (error) {
    await db.notification.update({ where: { id: notificationId }, data: { emailedAt: null } });
    throw error;
  }
}

/** Emails whose job was lost (a crash between the commit and the enqueue), for the sweeper to queue again. */
export async function strandedEmailIds(olderThan: Date): Promise<string[]> {
  if (!emailEnabled()) return [];
  const rows = await getDb().notification.findMany({
    where: { emailWanted: true, emailedAt: null, createdAt: { lt: olderThan } },
    select: { id: true },
    take: 1000,
  });
  return rows.map((r) => r.id);
}
