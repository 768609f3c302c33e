import type { Activity, ActivityIn } from "../../types";

export type EvidenceDraft = { kind: "none" } | { kind: "link"; url: string } | { kind: "file"; fileId: string; filename: string };

/** An activity while it is being written (numbers may still be empty). */
export interface ActivityDraft {
  /** Keeps React's list identity while activities are added and removed. */
  uid: string;
  description: string;
  rhkId: string | null;
  outputQty: number | string;
  outputUnit: string;
  minutes: number | string;
  evidence: EvidenceDraft;
}

let counter = 0;
const uid = () => `a${++counter}`;

export function blankActivity(): ActivityDraft {
  return { uid: uid(), description: "", rhkId: null, outputQty: 1, outputUnit: "", minutes: 60, evidence: { kind: "none" } };
}

export function fromActivity(a: Activity): ActivityDraft {
  let evidence: EvidenceDraft = { kind: "none" };
  if (a.evidence && "url" in a.evidence) evidence = { kind: "link", url: a.evidence.url };
  else if (a.evidence && "fileId" in a.evidence) evidence = { kind: "file", fileId: a.evidence.fileId, filename: a.evidence.filename };
  return { uid: uid(), description: a.description, rhkId: a.rhk?.id ?? null, outputQty: a.outputQty, outputUnit: a.outputUnit, minutes: a.minutes, evidence };
}

/** A draft kept in the outbox (the body that will be sent) back in the editor. */
export function fromInput(a: ActivityIn, fileLabel: string): ActivityDraft {
  let evidence: EvidenceDraft = { kind: "none" };
  if (a.evidence && "url" in a.evidence) evidence = { kind: "link", url: a.evidence.url };
  else if (a.evidence && "fileId" in a.evidence) evidence = { kind: "file", fileId: a.evidence.fileId, filename: fileLabel };
  return { uid: uid(), description: a.description, rhkId: a.rhkId, outputQty: a.outputQty, outputUnit: a.outputUnit, minutes: a.minutes, evidence };
}

export type ActivityField = "description" | "outputQty" | "outputUnit" | "minutes" | "evidence";
export type ActivityProblems = Partial<Record<ActivityField, "required" | "positive" | "minutes" | "url">>[];

function isHttpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

/** The activities to send, or what is missing in each (by index). */
export function toInputs(drafts: ActivityDraft[]): { activities: ActivityIn[]; problems: ActivityProblems; ok: boolean } {
  const problems: ActivityProblems = drafts.map(() => ({}));
  const activities = drafts.map((d, i): ActivityIn => {
    const p = problems[i];
    if (!d.description.trim()) p.description = "required";
    if (typeof d.outputQty !== "number" || d.outputQty <= 0) p.outputQty = "positive";
    if (!d.outputUnit.trim()) p.outputUnit = "required";
    if (typeof d.minutes !== "number" || d.minutes < 1 || d.minutes > 1440 || !Number.isInteger(d.minutes)) p.minutes = "minutes";
    if (d.evidence.kind === "link" && !isHttpUrl(d.evidence.url.trim())) p.evidence = "url";
    const evidence = d.evidence.kind === "link" ? { url: d.evidence.url.trim() } : d.evidence.kind === "file" ? { fileId: d.evidence.fileId } : null;
    return {
      description: d.description.trim(),
      rhkId: d.rhkId,
      outputQty: Number(d.outputQty),
      outputUnit: d.outputUnit.trim(),
      minutes: Number(d.minutes),
      evidence,
    };
  });
  return { activities, problems, ok: problems.every((p) => Object.keys(p).length === 0) };
}

export const totalMinutes = (drafts: ActivityDraft[]) => drafts.reduce((s, d) => s + (typeof d.minutes === "number" ? d.minutes : 0), 0);
