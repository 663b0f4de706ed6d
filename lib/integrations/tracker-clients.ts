// Minimal clients for the two trackers, speaking their documented shapes:
// Jira Cloud REST v3 (POST /rest/api/3/issue, GET /rest/api/3/issue/{key}?fields=status, basic auth with
// an account email and API token) and Linear GraphQL (issueCreate mutation, issue(id) query, API key in
// the Authorization header).

export type TrackerConfig = { kind: "JIRA" | "LINEAR"; baseUrl: string; email: string; token: string; project: string };
export type CreatedTicket = { key: string; url: string; status: string | null };
export type TicketInput = { title: string; description: string };

export class TrackerError extends Error {}

async function call(url: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000), redirect: "error" });
  } catch (error) {
    throw new TrackerError(`Could not reach ${new URL(url).host}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = await response.text();
  if (!response.ok) throw new TrackerError(`${new URL(url).host} answered ${response.status}: ${text.slice(0, 200)}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new TrackerError(`${new URL(url).host} did not answer JSON.`);
  }
}

const base = (url: string) => url.replace(/\/+$/, "");

function jiraHeaders(c: TrackerConfig) {
  return {
    authorization: `Basic ${Buffer.from(`${c.email}:${c.token}`).toString("base64")}`,
    accept: "application/json",
    "content-type": "application/json",
  };
}

/** Atlassian Document Format: one paragraph per line of the description. */
function adf(text: string) {
  return {
    type: "doc",
    version: 1,
    content: text
      .split("\n")
      .filter((l) => l.trim())
      .map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] })),
  };
}

async function createJira(c: TrackerConfig, input: TicketInput): Promise<CreatedTicket> {
  const data = (await call(`${base(c.baseUrl)}/rest/api/3/issue`, {
    method: "POST",
    headers: jiraHeaders(c),
    body: JSON.stringify({
      fields: { project: { key: c.project }, summary: input.title, issuetype: { name: "Task" }, description: adf(input.description) },
    }),
  })) as { key?: string };
  if (!data.key) throw new TrackerError("Jira did not return an issue key.");
  return { key: data.key, url: `${base(c.baseUrl)}/browse/${data.key}`, status: null };
}

async function jiraStatus(c: TrackerConfig, key: string): Promise<string | null> {
  const data = (await call(`${base(c.baseUrl)}/rest/api/3/issue/${encodeURIComponent(key)}?fields=status`, {
    headers: jiraHeaders(c),
  })) as {
    fields?: { status?: { name?: string } };
  };
  return data.fields?.status?.name ?? null;
}

async function linear(c: TrackerConfig, query: string, variables: Record<string, unknown>) {
  const data = (await call(base(c.baseUrl), {
    method: "POST",
    headers: { authorization: c.token, "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  })) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  if (data.errors?.length) throw new TrackerError(`Linear: ${data.errors[0].message}`);
  return data.data ?? {};
}

const LINEAR_CREATE = `mutation IssueCreate($input: IssueCreateInput!) {
  issueCreate(input: $input) { success issue { id identifier url state { name } } }
}`;
const LINEAR_STATUS = `query Issue($id: String!) { issue(id: $id) { identifier state { name } } }`;

async function createLinear(c: TrackerConfig, input: TicketInput): Promise<CreatedTicket> {
  const data = await linear(c, LINEAR_CREATE, { input: { teamId: c.project, title: input.title, description: input.description } });
  const result = data.issueCreate as
    { success?: boolean; issue?: { identifier: string; url: string; state?: { name: string } } } | undefined;
  if (!result?.success || !result.issue) throw new TrackerError("Linear did not create the issue.");
  return { key: result.issue.identifier, url: result.issue.url, status: result.issue.state?.name ?? null };
}

async function linearStatus(c: TrackerConfig, key: string): Promise<string | null> {
  const data = await linear(c, LINEAR_STATUS, { id: key });
  return (data.issue as { state?: { name?: string } } | undefined)?.state?.name ?? null;
}

export function createTicket(c: TrackerConfig, input: TicketInput): Promise<CreatedTicket> {
  return c.kind === "JIRA" ? createJira(c, input) : createLinear(c, input);
}

export function ticketStatus(c: TrackerConfig, key: string): Promise<string | null> {
  return c.kind === "JIRA" ? jiraStatus(c, key) : linearStatus(c, key);
}
