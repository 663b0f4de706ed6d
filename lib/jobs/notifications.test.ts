import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, getPool } from "@/lib/db/client";
import { appendDocEvents, type DocChange } from "@/lib/data/doc-events";
import { createWebhook, MAX_WEBHOOK_ATTEMPTS } from "@/lib/data/webhooks";
import { verifyWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "@/lib/domain/webhook-signature";
import { QUEUES } from "@/lib/jobs/queues";
import type { JobRunner } from "@/lib/jobs/runner";
import { createTestPostmortem, createTestUser } from "@/test/factories";
import { runJob, startTestRunner } from "@/test/jobs";
import type { SessionUser } from "@/lib/data/auth";

// Notifications derived from the DocEvent log, and webhook deliveries to real local HTTP servers: one
// that checks the signature and accepts, one that always fails and is retried until the log says so.

type Received = { body: string; signature: string; timestamp: string; valid: boolean };
const received: Received[] = [];
let failingHits = 0;
let receiver: Server;
let failing: Server;
let runner: JobRunner;
let admin: SessionUser;
let facilitator: SessionUser;
let member: SessionUser;
let listed: SessionUser;
let teamId: string;
let secret = "";

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => resolve(body));
  });

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`)),
  );

async function write(postmortemId: string, actor: SessionUser, changes: DocChange[]) {
  await getDb().$transaction((tx) => appendDocEvents(tx, postmortemId, actor.id, changes));
}

beforeAll(async () => {
  receiver = createServer(async (req, res) => {
    const body = await readBody(req);
    const signature = String(req.headers[SIGNATURE_HEADER] ?? "");
    const timestamp = String(req.headers[TIMESTAMP_HEADER] ?? "");
    const valid = verifyWebhook(secret, timestamp, body, signature, Math.floor(Date.now() / 1000));
    received.push({ body, signature, timestamp, valid });
    res.writeHead(valid ? 204 : 401).end();
  });
  failing = createServer(async (req, res) => {
    await readBody(req);
    failingHits++;
    res.writeHead(503).end("down for maintenance");
  });
  const [okUrl, failUrl] = await Promise.all([listen(receiver), listen(failing)]);

  admin = await createTestUser("ADMIN");
  facilitator = await createTestUser("MEMBER");
  member = await createTestUser("MEMBER");
  listed = await createTestUser("MEMBER");
  const team = await getDb().team.create({ data: { name: `Team ${facilitator.id}`, members: { create: [{ userId: member.id }] } } });
  teamId = team.id;
  ({ secret } = await createWebhook(admin, { teamId, url: okUrl, format: "JSON" }));
  await createWebhook(admin, { teamId, url: failUrl, format: "SLACK" });
  runner = await startTestRunner(getPool(), {
    pollingIntervalSeconds: 1,
    queueOverrides: { [QUEUES.webhook]: { retryDelay: 1, retryBackoff: false } },
  });
});

afterAll(async () => {
  await runner.stop();
  receiver.close();
  failing.close();
});

describe("notifications from the DocEvent log", () => {
  it("tells people they were added, assigned and mentioned, once, and never the one who did it", async () => {
    const { id } = await createTestPostmortem(facilitator);
    await write(id, facilitator, [
      { entity: "participant", entityId: "p1", field: null, after: { userId: member.id, role: "ATTENDEE" } },
      { entity: "action", entityId: "a1", field: null, after: { number: 1, action: "Pin the model", ownerId: member.id } },
      { entity: "postmortem", entityId: id, field: "summary", before: "", after: `Ask @${member.email.split("@")[0]} about it` },
      { entity: "participant", entityId: "p2", field: null, after: { userId: facilitator.id, role: "ATTENDEE" } },
    ]);
    await runJob(runner, QUEUES.notify);
    await runJob(runner, QUEUES.notify);
    const mine = await getDb().notification.findMany({ where: { postmortemId: id }, orderBy: { kind: "asc" } });
    expect(mine.map((n) => [n.userId, n.kind])).toEqual([
      [member.id, "action_assigned"],
      [member.id, "mentioned"],
      [member.id, "participant_added"],
    ]);
  });

  it("sends the published postmortem to the team, the distribution list and the team's signed webhooks", async () => {
    const { id } = await createTestPostmortem(facilitator);
    const db = getDb();
    await db.postmortem.update({
      where: { id },
      data: {
        teamId,
        summary: "Refund answers were wrong.",
        rootCause: "No eval gate.",
        lessonsWentWell: "Quick rollback.",
        status: "PUBLISHED",
      },
    });
    await db.distributionEntry.create({ data: { postmortemId: id, userId: listed.id } });
    await write(id, facilitator, [{ entity: "postmortem", entityId: id, field: "status", before: "IN_REVIEW", after: "PUBLISHED" }]);
    await runJob(runner, QUEUES.notify);

    const published = await db.notification.findMany({ where: { postmortemId: id, kind: "published_to_team" } });
    expect(published.map((n) => n.userId).sort()).toEqual([member.id, listed.id].sort());
    expect(published[0].body).toContain("Root cause: No eval gate.");
    expect(published[0].body).toContain("What went well: Quick rollback.");

    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1);
    expect(received[0].valid).toBe(true);
    const payload = JSON.parse(received[0].body);
    expect(payload).toMatchObject({ event: "postmortem.published", summary: "Refund answers were wrong.", rootCause: "No eval gate." });

    await expect
      .poll(
        async () =>
          (await db.webhookDelivery.findMany({ where: { webhook: { teamId } }, select: { status: true } })).map((d) => d.status).sort(),
        { timeout: 30_000 },
      )
      .toEqual(["DELIVERED", "FAILED"]);
    const failed = await db.webhookDelivery.findFirstOrThrow({ where: { webhook: { teamId, format: "SLACK" } } });
    expect(failed).toMatchObject({ attempts: MAX_WEBHOOK_ATTEMPTS, responseStatus: 503, lastError: "HTTP 503" });
    expect(failingHits).toBe(MAX_WEBHOOK_ATTEMPTS);
  });

  it("announces a restricted postmortem only to people who may open it", async () => {
    const { id } = await createTestPostmortem(facilitator);
    await getDb().postmortem.update({ where: { id }, data: { teamId, restricted: true } });
    await write(id, facilitator, [{ entity: "postmortem", entityId: id, field: "status", before: "IN_REVIEW", after: "PUBLISHED" }]);
    await runJob(runner, QUEUES.notify);
    expect(await getDb().notification.count({ where: { postmortemId: id, userId: member.id } })).toBe(0);
  });
});
