// Written from the attacker's side: each test tries one of the holes a probe of a running instance found,
// through the browser, a replayed server action or raw HTTP, and checks that it stays shut.
import { test, expect, personPage, replayAction, signIn, USERS } from "./fixtures";
import { RecordingDocument, actionArgument, actionBody } from "./pages/recording-document";
import { AccountPage, authJsSignOut, createAccount, signedInContext } from "./pages/account-page";

const PASSWORD = "an e2e password 123";

// Several people and several sign-ins per test (each a deliberate scrypt hash): allow them the time.
test.slow();
const freshEmail = (tag: string) => `${tag}-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}@e2e.example`;

test.describe("authorisation on the document", () => {
  test("an attendee cannot take over the facilitator role, even with a forged request", async ({ page, browser }) => {
    await signIn(page, "facilitator");
    const doc = new RecordingDocument(page);
    const { url } = await doc.create({ name: "Takeover attempt on the facilitator role" });
    await doc.recordAddAttendee("Sam Whitfield");
    const [samId, priyaId] = [await doc.userId("Sam Whitfield"), await doc.userId("Priya Raman")];
    await doc.section("details").getByLabel("Incident name").fill("Facilitator takeover attempt");
    const recorded = await doc.recordSave("details");

    const sam = await personPage(browser, "attendee");
    await sam.page.goto(url);
    await expect(sam.page.getByTestId("section-details").locator("select[name=facilitatorId]")).toHaveCount(0);
    const forged = {
      ...actionArgument(recorded),
      changes: { facilitatorId: samId },
      base: { facilitatorId: priyaId },
      clientMutationId: crypto.randomUUID(),
    };
    const response = await replayAction(sam.context.request, recorded, actionBody(forged));
    expect(response.status).toBeLessThan(500);
    expect(response.text).toContain("FORBIDDEN");
    await sam.context.close();

    await page.reload();
    await expect(doc.section("details").getByLabel("Post-mortem facilitator")).toHaveValue(priyaId);
  });

  test("an attendee cannot lift Restricted or bring someone into a restricted postmortem", async ({ page, browser }) => {
    await signIn(page, "facilitator");
    const doc = new RecordingDocument(page);
    const { url } = await doc.create({ name: "Restricted data exposure review" });
    const addSam = await doc.recordAddAttendee("Sam Whitfield");
    const restrict = await doc.recordRestricted(true);
    const viewerId = await doc.userId("Victor Hale");

    const sam = await personPage(browser, "attendee");
    await sam.page.goto(url);
    await expect(sam.page.getByTestId("section-external-summary").getByRole("checkbox", { name: /Restricted/ })).toHaveCount(0);
    const lift = {
      ...actionArgument(restrict),
      changes: { restricted: false },
      base: { restricted: true },
      clientMutationId: crypto.randomUUID(),
    };
    expect((await replayAction(sam.context.request, restrict, actionBody(lift))).text).toContain("FORBIDDEN");
    const invite = { ...actionArgument(addSam), userId: viewerId, clientMutationId: crypto.randomUUID() };
    expect((await replayAction(sam.context.request, addSam, actionBody(invite))).text).toContain("FORBIDDEN");
    await sam.context.close();

    const viewer = await personPage(browser, "viewer");
    expect((await viewer.page.goto(url))?.status()).toBe(404);
    await viewer.context.close();
  });

  test("a missing or hidden postmortem answers HTTP 404", async ({ page }) => {
    await signIn(page, "viewer");
    const response = await page.goto("/postmortems/doesnotexist0000");
    expect(response?.status()).toBe(404);
    await expect(page.getByText(/not found/i).first()).toBeVisible();
  });
});

test.describe("sign-in and sessions", () => {
  test("a forged X-Forwarded-For is not taken as the client's address", async ({ page, browser }) => {
    await signIn(page, "admin");
    const email = freshEmail("xff");
    await createAccount(page, email, PASSWORD);
    const forger = await signedInContext(browser, email, PASSWORD, { "X-Forwarded-For": "203.0.113.77" });
    const account = new AccountPage(forger.page);
    await account.open();
    await expect(account.sessions()).toContainText(/from (127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)/);
    await expect(account.sessions()).not.toContainText("203.0.113.77");
    await forger.context.close();
  });

  test("twenty simultaneous wrong passwords are evaluated at most five times", async ({ page, playwright, baseURL }) => {
    await signIn(page, "admin");
    const email = freshEmail("race");
    await createAccount(page, email, PASSWORD);
    const attacker = await playwright.request.newContext({ baseURL });
    const { csrfToken } = (await (await attacker.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        attacker
          .post("/api/auth/callback/credentials", { form: { csrfToken, email, password: `guess-${i}` }, maxRedirects: 0 })
          .then((r) => r.headers().location ?? ""),
      ),
    );
    const evaluated = answers.filter((location) => /code=invalid/.test(location)).length;
    expect(answers.filter((location) => /code=throttled/.test(location)).length).toBeGreaterThan(0);
    expect(evaluated).toBeLessThanOrEqual(5);
    await attacker.dispose();
  });

  test("callbackUrl cannot send the browser off-site, and control characters do not break sign-in", async ({ page, baseURL }) => {
    for (const callback of ["/%09/example.org", "/\\example.org", "%2F%2Fexample.org", "/postmortems%01"]) {
      await page.context().clearCookies();
      await page.goto(`/sign-in?callbackUrl=${callback}`);
      await page.getByLabel("Email").fill(USERS.viewer);
      await page.getByLabel("Password").fill("postmortem-demo");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      expect(new URL(page.url()).origin).toBe(new URL(baseURL as string).origin);
    }
  });

  test("signing out through Auth.js's own endpoint ends the session for a copied cookie too", async ({ browser }) => {
    const victim = await personPage(browser, "manager");
    const stolen = await victim.context.cookies();
    const attacker = await browser.newContext();
    await attacker.addCookies(stolen);
    expect((await (await attacker.request.get("/api/auth/session")).json())?.user?.email).toBe(USERS.manager);

    expect((await authJsSignOut(victim.context.request)).status()).toBeLessThan(400);
    expect(await (await attacker.request.get("/api/auth/session")).json()).toBeNull();
    const attackerPage = await attacker.newPage();
    await attackerPage.goto("/postmortems");
    await expect(attackerPage).toHaveURL(/\/sign-in/);
    await Promise.all([victim.context.close(), attacker.close()]);
  });

  test("changing one's password signs out the other sessions", async ({ page, browser }) => {
    await signIn(page, "admin");
    const email = freshEmail("pw");
    await createAccount(page, email, PASSWORD);
    const [laptop, phone] = [await signedInContext(browser, email, PASSWORD), await signedInContext(browser, email, PASSWORD)];
    const account = new AccountPage(laptop.page);
    await account.open();
    await expect(account.sessions().getByRole("listitem")).toHaveCount(2);
    await account.changePassword(PASSWORD, "a different e2e password");
    await expect(laptop.page.getByText("Password changed.")).toBeVisible();
    await phone.page.goto("/postmortems");
    await expect(phone.page).toHaveURL(/\/sign-in/);
    await Promise.all([laptop.context.close(), phone.context.close()]);
  });
});

test.describe("input and headers", () => {
  test("a 3 MB section save is refused as too large, never a 500, and the form says so at the field", async ({ page }) => {
    await signIn(page, "facilitator");
    const doc = new RecordingDocument(page);
    await doc.create({ name: "Oversized input probe" });
    const summary = doc.section("summary").getByLabel("In 2-3 sentences, what happened?");
    await summary.fill("x".repeat(2500));
    await page.keyboard.press("Tab");
    await expect(doc.section("summary").getByText(/at most 2000 characters/)).toBeVisible();

    await summary.fill("A short summary.");
    const recorded = await doc.recordSave("summary");
    const huge = { ...actionArgument(recorded), changes: { summary: "x".repeat(3 * 1024 * 1024) }, clientMutationId: crypto.randomUUID() };
    const response = await replayAction(page.context().request, recorded, actionBody(huge));
    expect(response.status).toBe(413);
    expect(response.text).toMatch(/too large/i);
  });

  test("no inline script runs without the response's nonce, while the app's own scripts do", async ({ page }) => {
    await signIn(page, "viewer");
    // Markup that slipped into the HTML (what stored XSS would be) arrives with the page's real headers.
    await page.route("**/postmortems", async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace("</body>", "<script>window.__injected = true</script></body>");
      await route.fulfill({ response, body });
    });
    const response = await page.goto("/postmortems");
    const csp = response?.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
    const withoutNonce = await page
      .locator("script:not([nonce]):not([src])")
      .evaluateAll((scripts) => scripts.map((s) => s.outerHTML.slice(0, 80)));
    expect(withoutNonce).toEqual(["<script>window.__injected = true</script>"]);
  });

  test("crawlers are kept out and demo accounts are announced", async ({ page, request }) => {
    expect(await (await request.get("/robots.txt")).text()).toContain("Disallow: /");
    await signIn(page, "viewer");
    await expect(page.getByTestId("demo-banner")).toContainText("published password");
  });
});
