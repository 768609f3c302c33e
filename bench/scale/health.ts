import { toJson } from "../../server/db/dialect.js";
import type { Answers } from "../../server/modules/logbook/health/answers.js";
import { DEFAULT_FORM } from "../../server/modules/logbook/health/questions.js";
import { evaluateHealth } from "../../server/modules/logbook/health/rule.js";

/** A filled-in default health form, as stored: the answers and the verdict's reasons, both JSON text. */
export interface Sheet {
  answers: string;
  reasons: string;
}

function sheet(answers: Answers): Sheet {
  // No dated answers, so the verdict does not depend on the day.
  const verdict = evaluateHealth(DEFAULT_FORM.rule, answers, "2026-01-01");
  return { answers: toJson(answers), reasons: toJson(verdict.reasons) };
}

const healthy = (temperature: number): Answers => ({ temperature, symptoms: [], close_contact: { value: false }, test_result: { value: "none" } });

/** A few answer sheets each way, chosen at random per check. */
export const HEALTH_SHEETS: { cleared: readonly Sheet[]; notCleared: readonly Sheet[] } = {
  cleared: [36.1, 36.3, 36.5, 36.6, 36.8, 37.0].map((t) => sheet(healthy(t))),
  notCleared: [
    sheet({ ...healthy(37.9), symptoms: ["fever", "cough"] }),
    sheet({ ...healthy(38.4), symptoms: ["fever", "fatigue"] }),
    sheet({ ...healthy(36.9), symptoms: ["sore_throat", "cough"] }),
    sheet({ ...healthy(37.6), symptoms: [] }),
  ],
};

/** The default form as a health_forms row's JSON columns. */
export const DEFAULT_FORM_JSON = { questions: toJson(DEFAULT_FORM.questions), rule: toJson(DEFAULT_FORM.rule) };
