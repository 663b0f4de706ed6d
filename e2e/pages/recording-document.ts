import { expect, type Request } from "@playwright/test";
import { PostmortemDocument } from "./postmortem-document";

/**
 * The document page as an attacker's accomplice uses it: the legitimate person's edits are recorded, so a
 * test can replay them, rewritten, from someone who must be refused.
 */
export class RecordingDocument extends PostmortemDocument {
  /** The id of a user as the facilitator picker lists them (what a forged request would name). */
  async userId(name: string): Promise<string> {
    const option = this.section("details").getByLabel("Post-mortem facilitator").locator("option", { hasText: name });
    return (await option.getAttribute("value")) as string;
  }

  /** Runs `act` and returns the first server-action request it sent that `matches`. */
  async recordAction(act: () => Promise<void>, matches: (body: string) => boolean = () => true): Promise<Request> {
    const recorded = this.page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"] && matches(r.postData() ?? ""));
    await act();
    return recorded;
  }

  /** Adds a person as attendee and returns the request that did it. */
  async recordAddAttendee(name: string): Promise<Request> {
    const details = this.section("details");
    await details.getByLabel("Add attendee").selectOption({ label: name });
    const request = await this.recordAction(() => details.getByRole("button", { name: "Add", exact: true }).click());
    await expect(details.getByTestId("participant-row").filter({ hasText: name })).toBeVisible();
    return request;
  }

  /** Leaves the field being edited, which saves it, and returns the edit that was sent. */
  async recordSave(sectionId: string): Promise<Request> {
    const request = await this.recordAction(() => this.page.keyboard.press("Tab"), isFieldEdit);
    await expect(this.section(sectionId).getByTestId("save-state")).toHaveText("Saved");
    return request;
  }

  /** Ticks or clears Restricted, which saves at once, and returns the edit that was sent. */
  async recordRestricted(on: boolean): Promise<Request> {
    const section = this.section("external-summary");
    const request = await this.recordAction(
      () => section.getByLabel("Restricted (only participants can see it)").setChecked(on),
      isFieldEdit,
    );
    await expect(section.getByTestId("save-state")).toHaveText("Saved");
    return request;
  }
}

/** A field edit of the live protocol carries `changes` (presence and row actions do not). */
const isFieldEdit = (body: string) => body.includes('"changes"');

/** The body of a recorded server-action call: its first argument as an object, to be rewritten. */
export function actionArgument(request: Request): Record<string, unknown> {
  return (JSON.parse(request.postData() ?? "[]") as Record<string, unknown>[])[0];
}

export function actionBody(argument: Record<string, unknown>): string {
  return JSON.stringify([argument]);
}
