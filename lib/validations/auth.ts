import { z } from "zod";
import { OrgRole } from "@/lib/generated/prisma/enums";
import { text } from "@/lib/validations/common";

export const emailSchema = z
  .string({ error: "Email is required." })
  .trim()
  .toLowerCase()
  .min(1, "Email is required.")
  .max(254, "Email must be at most 254 characters.")
  .pipe(z.email({ error: "Enter a valid email address." }));

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Password is required." }).min(1, "Password is required.").max(200, "Password is too long."),
});

export const passwordSchema = z
  .string({ error: "Password is required." })
  .min(10, "Use at least 10 characters.")
  .max(200, "Password must be at most 200 characters.");

export const registerSchema = z.object({
  name: text(100, "Name", 1),
  email: emailSchema,
  password: passwordSchema,
});

export const createUserSchema = registerSchema.extend({
  role: z.enum(OrgRole, { error: "Choose a role." }),
});

export const updateUserSchema = z.object({
  userId: z.string().min(1).max(40),
  role: z.enum(OrgRole, { error: "Choose a role." }).optional(),
  disabled: z.boolean().optional(),
});

export type SignInInput = z.input<typeof signInSchema>;
export type RegisterInput = z.input<typeof registerSchema>;
export type CreateUserInput = z.input<typeof createUserSchema>;
