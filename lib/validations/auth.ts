import { z } from "zod";
import { OrgRole } from "@/lib/generated/prisma/enums";
import { idSchema, text } from "@/lib/validations/common";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/password-limits";

export const emailSchema = z
  .string({ error: "Email is required." })
  .trim()
  .toLowerCase()
  .min(1, "Email is required.")
  .max(254, "Email must be at most 254 characters.")
  .pipe(z.email({ error: "Enter a valid email address." }));

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: "Password is required." })
    .min(1, "Password is required.")
    .max(MAX_PASSWORD_LENGTH, `Password must be at most ${MAX_PASSWORD_LENGTH} characters.`),
});

export const passwordSchema = z
  .string({ error: "Password is required." })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Password must be at most ${MAX_PASSWORD_LENGTH} characters.`);

export const registerSchema = z.object({
  name: text(100, "Name", 1),
  email: emailSchema,
  password: passwordSchema,
});

export const createUserSchema = registerSchema.extend({
  role: z.enum(OrgRole, { error: "Choose a role." }),
});

export const updateUserSchema = z.object({
  userId: idSchema,
  role: z.enum(OrgRole, { error: "Choose a role." }).optional(),
  disabled: z.boolean().optional(),
});

export type SignInInput = z.input<typeof signInSchema>;
export type RegisterInput = z.input<typeof registerSchema>;
export type CreateUserInput = z.input<typeof createUserSchema>;

export const changePasswordSchema = z.object({
  currentPassword: signInSchema.shape.password,
  newPassword: passwordSchema,
});

export const resetPasswordSchema = z.object({
  userId: idSchema,
  password: passwordSchema,
});

export const sessionIdSchema = z.object({ sessionId: idSchema });
