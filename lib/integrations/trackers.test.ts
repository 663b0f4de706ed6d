import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { configuredTrackers, createTrackerTicket, saveTrackerConnection, syncTrackerTickets } from "@/lib/integrations/trackers";
import { createTestPostmortem, createTestUser } from "@/test/factories";
import type { SessionUser } from "@/lib/data/auth";

// A local server that answers like Jira Cloud (REST v3) and Linear (GraphQL), checking the request shapes
// and credentials each documents, and keeping the issues it was asked to create.

type Issue = { key: string; summary: string; status: string };
const jira: Issue[] = [];
const linear: Issue[] = [];
let server: Server;
let base = "";
let admin: SessionUser;
let facilitator: SessionUser;
let viewer: SessionUser;

const body = (req: IncomingMessage) =>
  new Promise<unknown>((resolve) => {
    let text = "";
    req.on("data", (c: Buffer) => (text += c));
    req.on("end", () => resolve(text ? JSON.parse(text) : null));
  });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const json = (status: number, value: unknown) =>
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
    const data = (await body(req)) as never;
    if (req.url?.startsWith("/jira/")) {
      if (req.headers.authorization !== `Basic ${Buffer.from("bot@example.com:jira-token").toString("base64")}`)
        return json(401, { errorMessages: ["auth"] });
      if (req.method === "POST" && req.url === "/jira/rest/api/3/issue") {
        const fields = (
          data as { fields: { project: { key: string }; summary: string; issuetype: { name: string }; description: { type: string } } }
        ).fields;
        if (fields.project.key !== "OPS" || fields.issuetype.name !== "Task" || fields.description.type !== "doc")
          return json(400, { errors: { fields: "bad" } });
        const key = `OPS-${jira.length + 1}`;
        jira.push({ key, summary: fields.summary, status: "To Do" });
        return json(201, { id: String(10000 + jira.length), key, self: `${base}/jira/rest/api/3/issue/${key}` });
      }
      const match = /^\/jira\/rest\/api\/3\/issue\/([A-Z]+-\d+)\?fields=status$/.exec(req.url);
      const issue = match && jira.find((i) => i.key === match[1]);
      return issue ? json(200, { key: issue.key, fields: { status: { name: issue.status } } }) : json(404, {});
    }
    if (req.url === "/linear/graphql") {
      if (req.headers.authorization !== "lin_api_token") return json(200, { errors: [{ message: "Authentication required" }] });
      const { query, variables } = data as { query: string; variables: never };
      if (query.includes("issueCreate")) {
        const input = (variables as { input: { teamId: string; title: string } }).input;
        if (input.teamId !== "team-uuid") return json(200, { errors: [{ message: "Team not found" }] });
        const key = `ENG-${linear.length + 1}`;
        linear.push({ key, summary: input.title, status: "Backlog" });
        return json(200, {
          data: {
            issueCreate: {
              success: true,
              issue: { id: `uuid-${key}`, identifier: key, url: `https://linear.app/acme/issue/${key}`, state: { name: "Backlog" } },
            },
          },
        });
      }
      const issue = linear.find((i) => i.key === (variables as { id: string }).id);
      return json(200, { data: { issue: issue ? { identifier: issue.key, state: { name: issue.status } } : null } });
    }
    json(404, {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  admin = await createTestUser("ADMIN");
  facilitator = await createTestUser("MEMBER");
  viewer = await createTestUser("VIEWER");
});

afterAll(() => {
  server.close();
});

async function actionOn(postmortemId: string, number: number, text: string) {
  return getDb().correctiveAction.create({ data: { postmortemId, number, horizon: "SHORT_TERM", action: text, ownerId: facilitator.id } });
}

describe("tickets in Jira and Linear", () => {
  it("creates the issues in the documented shapes, stores key and link, and pulls their status back", async () => {
    await expect(
      saveTrackerConnection(facilitator, {
        kind: "JIRA",
        baseUrl: `${base}/jira`,
        email: "bot@example.com",
        token: "jira-token",
        project: "OPS",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await saveTrackerConnection(admin, {
      kind: "JIRA",
      baseUrl: `${base}/jira/`,
      email: "bot@example.com",
      token: "jira-token",
      project: "OPS",
    });
    await saveTrackerConnection(admin, {
      kind: "LINEAR",
      baseUrl: `${base}/linear/graphql`,
      email: "",
      token: "lin_api_token",
      project: "team-uuid",
    });
    expect(await configuredTrackers()).toEqual(["JIRA", "LINEAR"]);

    const { id } = await createTestPostmortem(facilitator);
    const first = await actionOn(id, 1, "Pin the model version");
    const second = await actionOn(id, 2, "Nightly policy evals");
    await expect(createTrackerTicket(viewer, { actionId: first.id, kind: "JIRA" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await createTrackerTicket(facilitator, { actionId: first.id, kind: "JIRA" })).toEqual({
      key: "OPS-1",
      url: `${base}/jira/browse/OPS-1`,
    });
    expect(await createTrackerTicket(facilitator, { actionId: second.id, kind: "LINEAR" })).toEqual({
      key: "ENG-1",
      url: "https://linear.app/acme/issue/ENG-1",
    });
    // Asking again keeps the ticket it has.
    await createTrackerTicket(facilitator, { actionId: first.id, kind: "JIRA" });
    expect(jira.map((i) => i.summary)).toEqual(["Pin the model version"]);
    expect(linear.map((i) => i.summary)).toEqual(["Nightly policy evals"]);

    jira[0].status = "In Progress";
    linear[0].status = "Done";
    await syncTrackerTickets();
    const rows = await getDb().correctiveAction.findMany({ where: { postmortemId: id }, orderBy: { number: "asc" } });
    expect(rows.map((r) => [r.trackerKind, r.trackerKey, r.trackerStatus, r.ticket])).toEqual([
      ["JIRA", "OPS-1", "In Progress", "OPS-1"],
      ["LINEAR", "ENG-1", "Done", "ENG-1"],
    ]);
  });

  it("reports a tracker's refusal as a message and stores nothing", async () => {
    await saveTrackerConnection(admin, {
      kind: "LINEAR",
      baseUrl: `${base}/linear/graphql`,
      email: "",
      token: "wrong",
      project: "team-uuid",
    });
    const { id } = await createTestPostmortem(facilitator);
    const action = await actionOn(id, 1, "Add a runbook");
    await expect(createTrackerTicket(facilitator, { actionId: action.id, kind: "LINEAR" })).rejects.toMatchObject({
      code: "VALIDATION",
      message: "Linear: Authentication required",
    });
    expect((await getDb().correctiveAction.findUniqueOrThrow({ where: { id: action.id } })).trackerKey).toBeNull();
  });
});
