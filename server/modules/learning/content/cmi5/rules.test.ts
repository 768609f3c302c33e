import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CMI5_CATEGORY, cmi5Problem, EXT, MOVEON_CATEGORY, type MoveOn, moveOnMet, type SessionFacts, VERB } from "./rules.js";

const session = (over: Partial<SessionFacts> = {}): SessionFacts => ({
  sessionId: "s-1",
  registration: "6f1c2a3b-0000-4000-8000-000000000001",
  auActivityId: "https://abdi.example/xapi/activities/au/1",
  publisherId: "https://example.org/course/1/au/1",
  launchMode: "Normal",
  masteryScore: 0.8,
  status: "initialized",
  verbsInSession: [VERB.initialized],
  ...over,
});

function statement(
  verb: string,
  opts: { result?: Record<string, unknown>; moveOn?: boolean; defined?: boolean; ext?: Record<string, unknown>; object?: string } = {},
) {
  const s = session();
  return {
    actor: { account: { homePage: "https://abdi.example", name: "e1" } },
    verb: { id: verb },
    object: { id: opts.object ?? s.auActivityId },
    ...(opts.result ? { result: opts.result } : {}),
    context: {
      registration: s.registration,
      contextActivities: {
        grouping: [{ id: s.publisherId }],
        category: [...(opts.defined === false ? [] : [{ id: CMI5_CATEGORY }]), ...(opts.moveOn ? [{ id: MOVEON_CATEGORY }] : [])],
      },
      extensions: { [EXT.sessionId]: s.sessionId, ...opts.ext },
    },
  };
}

const reg = { completed: false, passed: false };

describe("cmi5 statement rules", () => {
  it("accepts the normal life of a session", () => {
    expect(cmi5Problem(statement(VERB.initialized), session({ status: "launched", verbsInSession: [] }), reg)).toBeNull();
    expect(cmi5Problem(statement(VERB.completed, { result: { completion: true, duration: "PT5M" }, moveOn: true }), session(), reg)).toBeNull();
    expect(
      cmi5Problem(
        statement(VERB.passed, { result: { success: true, duration: "PT6M", score: { scaled: 0.9 } }, moveOn: true, ext: { [EXT.masteryScore]: 0.8 } }),
        session(),
        reg,
      ),
    ).toBeNull();
    expect(cmi5Problem(statement(VERB.terminated, { result: { duration: "PT7M" } }), session(), reg)).toBeNull();
    // cmi5 allowed statements (no cmi5 category) pass once the session is initialized.
    expect(cmi5Problem(statement("http://adlnet.gov/expapi/verbs/answered", { defined: false }), session(), reg)).toBeNull();
  });

  it.each([
    [
      "a statement before initialized",
      statement("http://adlnet.gov/expapi/verbs/answered", { defined: false }),
      session({ status: "launched", verbsInSession: [] }),
      /first statement/,
    ],
    [
      "anything after terminated",
      statement(VERB.completed, { result: { completion: true, duration: "PT1M" }, moveOn: true }),
      session({ status: "terminated" }),
      /ended/,
    ],
    ["anything after abandoned", statement(VERB.initialized), session({ status: "abandoned" }), /abandoned/],
    ["a second initialized", statement(VERB.initialized), session(), /already sent|first statement/],
    ["an LMS verb", statement(VERB.satisfied), session(), /Only the LMS/],
    ["voiding", statement(VERB.voided), session(), /void/],
    ["a wrong session id", statement(VERB.terminated, { result: { duration: "PT1M" }, ext: { [EXT.sessionId]: "other" } }), session(), /session id/],
    ["a wrong object", statement(VERB.terminated, { result: { duration: "PT1M" }, object: "https://elsewhere" }), session(), /object/],
    [
      "passed below mastery",
      statement(VERB.passed, { result: { success: true, duration: "PT1M", score: { scaled: 0.5 } }, moveOn: true, ext: { [EXT.masteryScore]: 0.8 } }),
      session(),
      /at least the mastery/,
    ],
    [
      "failed at mastery",
      statement(VERB.failed, { result: { success: false, duration: "PT1M", score: { scaled: 0.8 } }, moveOn: true, ext: { [EXT.masteryScore]: 0.8 } }),
      session(),
      /below the mastery/,
    ],
    ["passed without success", statement(VERB.passed, { result: { duration: "PT1M" } }), session(), /success true/],
    ["completed without duration", statement(VERB.completed, { result: { completion: true }, moveOn: true }), session(), /duration/],
    ["completed without the moveon category", statement(VERB.completed, { result: { completion: true, duration: "PT1M" } }), session(), /moveon/],
    [
      "a score on completed",
      statement(VERB.completed, { result: { completion: true, duration: "PT1M", score: { scaled: 1 } }, moveOn: true }),
      session(),
      /score/,
    ],
    [
      "completed in browse mode",
      statement(VERB.completed, { result: { completion: true, duration: "PT1M" }, moveOn: true }),
      session({ launchMode: "Browse" }),
      /Browse mode/,
    ],
    [
      "passed after failed in a session",
      statement(VERB.passed, { result: { success: true, duration: "PT1M" }, moveOn: true }),
      session({ verbsInSession: [VERB.initialized, VERB.failed], masteryScore: null }),
      /one of passed or failed/,
    ],
  ])("refuses %s", (_what, s, sess, message) => {
    expect(cmi5Problem(s, sess, reg)).toMatch(message);
  });

  it("keeps completed and passed once per registration, and no failed after passed", () => {
    const completed = statement(VERB.completed, { result: { completion: true, duration: "PT1M" }, moveOn: true });
    expect(cmi5Problem(completed, session(), { completed: true, passed: false })).toMatch(/registration/);
    const failed = statement(VERB.failed, { result: { success: false, duration: "PT1M" }, moveOn: true });
    expect(cmi5Problem(failed, session({ masteryScore: null }), { completed: false, passed: true })).toMatch(/follow passed/);
  });

  it("moveOn: waived always satisfies; otherwise exactly the named verbs", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<MoveOn>("Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed", "NotApplicable"),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (moveOn, completed, passed, waived) => {
          const met = moveOnMet(moveOn, { completed, passed, waived });
          if (waived || moveOn === "NotApplicable") return met === true;
          if (moveOn === "Passed") return met === passed;
          if (moveOn === "Completed") return met === completed;
          if (moveOn === "CompletedAndPassed") return met === (completed && passed);
          return met === (completed || passed);
        },
      ),
    );
  });
});
