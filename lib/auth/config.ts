import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInSchema } from "@/lib/validations/auth";
import { revokeSession, verifyCredentials } from "@/lib/data/auth";
import { clientIp } from "@/lib/auth/request-info";

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}

/** Carries "throttled:<seconds>" or "invalid" to the sign-in action without exposing which one failed. */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // Credentials sign-in needs JWT cookies in Auth.js; each token names a server-side AuthSession row,
  // which is what makes sessions revocable (see lib/auth/session.ts).
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
  pages: { signIn: "/sign-in" },
  logger: {
    // A refused sign-in is an expected outcome (and is audited); only real failures belong in the log.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new SignInRefused("invalid");
        const result = await verifyCredentials(parsed.data.email, parsed.data.password, {
          ip: clientIp(request.headers),
          userAgent: request.headers.get("user-agent"),
        });
        if (!result.ok) {
          throw new SignInRefused(result.reason === "throttled" ? `throttled:${result.retryAfterSeconds}` : "invalid");
        }
        return { id: result.user.id, email: result.user.email, name: result.user.name, sid: result.sessionId };
      },
    }),
  ],
  events: {
    // Auth.js's own POST /api/auth/signout ends the server-side session too, not only the cookie.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.sid === "string") await revokeSession(token.sid, typeof token.sub === "string" ? token.sub : null);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user?.sid) token.sid = user.sid;
      return token;
    },
    session({ session, token }) {
      session.sid = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
});
