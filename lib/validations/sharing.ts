import { z } from "zod";
import { idSchema, optionalIdSchema, text } from "@/lib/validations/common";
import { isNotificationKind } from "@/lib/domain/notifications";

export const postmortemRefSchema = z.object({ postmortemId: idSchema });
export const setIndexableSchema = z.object({ postmortemId: idSchema, indexable: z.boolean() });

export const markReadSchema = z.object({ ids: z.array(idSchema).max(200).optional() });

export const preferenceSchema = z.object({
  kind: z.string().refine(isNotificationKind, "Unknown notification kind."),
  inApp: z.boolean(),
  email: z.boolean(),
});

export const teamMemberSchema = z.object({ teamId: idSchema, userId: idSchema, member: z.boolean() });

export const createWebhookSchema = z.object({
  teamId: z.string({ error: "Choose a team." }).min(1, "Choose a team.").pipe(idSchema),
  url: z
    .url({ protocol: /^https?$/, error: "Enter the full http:// or https:// address of the endpoint." })
    .max(2000, "That address is too long."),
  format: z.enum(["SLACK", "JSON"], { error: "Choose Slack-compatible or JSON." }),
});

export const webhookRefSchema = z.object({ id: idSchema });

export const trackerConnectionSchema = z
  .object({
    kind: z.enum(["JIRA", "LINEAR"]),
    baseUrl: z.url({ protocol: /^https?$/, error: "Enter the site address, e.g. https://acme.atlassian.net." }).max(500),
    email: text(200, "Email").default(""),
    token: text(500, "API token").pipe(z.string().min(1, "Enter the API token.")),
    project: text(100, "Project").pipe(z.string().min(1, "Enter the project key (Jira) or team id (Linear).")),
  })
  .refine((v) => v.kind !== "JIRA" || /.+@.+/.test(v.email), {
    path: ["email"],
    message: "Jira needs the email of the account the token belongs to.",
  });

export const trackerKindSchema = z.object({ kind: z.enum(["JIRA", "LINEAR"]) });

export const createTicketSchema = z.object({ postmortemId: idSchema, actionId: idSchema, kind: z.enum(["JIRA", "LINEAR"]) });

export const addDistributionSchema = z.object({ postmortemId: idSchema, teamId: optionalIdSchema, userId: optionalIdSchema });
export const removeRowSchema = z.object({ postmortemId: idSchema, id: idSchema });

export const addDocumentationSchema = z.object({
  postmortemId: idSchema,
  title: text(200, "Document or runbook", 1),
  link: z
    .string()
    .trim()
    .max(2000, "That link is too long.")
    .refine((v) => v === "" || /^https?:\/\/\S+$/.test(v), "Enter a full http:// or https:// link, or leave it empty."),
  ownerId: optionalIdSchema,
});

export const documentationDoneSchema = z.object({ postmortemId: idSchema, id: idSchema, done: z.boolean() });
