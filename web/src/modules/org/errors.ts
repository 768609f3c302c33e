import type { TFunction } from "i18next";
import { ApiError } from "../../api/client";
import { translateServerMessage as translateCommon } from "../../ui/serverMessages";

/**
 * The server explains problems in English. These patterns turn the ones met
 * while managing the organisation and importing employees into keys of
 * `org:serverMessages`; `value` and `total` are passed on to the sentence.
 * Anything else goes to the shared translations, or is shown as sent.
 */
const PATTERNS: [RegExp, string][] = [
  [/^another employee has this NIP$/, "nipTaken"],
  [/^another employee has this email$|^Another employee already uses this email$/, "emailTaken"],
  [/^unknown unit$/, "unknownUnit"],
  [/^unknown position$/, "unknownPosition"],
  [/^the position belongs to another unit$/, "positionOtherUnit"],
  [/^unknown supervisor$/, "unknownSupervisor"],
  [/^an employee cannot supervise themself$|^An employee cannot be their own supervisor$/, "selfSupervisor"],
  [/^another unit has this code$/, "unitCodeTaken"],
  [/^the agency already has a top unit; choose a parent$/, "topUnitExists"],
  [/^the top unit cannot be moved$/, "topUnitFixed"],
  [/^a unit cannot move below itself$/, "unitBelowItself"],
  [/^the unit already has a head position$/, "headExists"],
  [/^unknown employee$/, "unknownEmployee"],
  [/^the employee is inactive$/i, "employeeInactive"],
  [/^endsOn must not be before startsOn$/, "endBeforeStart"],
  [/^not a phone number|^Not a phone number/, "phoneInvalid"],
  [/^Another acting official covers part of this period$/, "actingOverlap"],
  [/^The employee already has this role over this scope$/, "grantExists"],
  [/^The agency would have no HR admin left$/, "lastHrAdmin"],
  [/^The employee has no account$/, "noAccount"],
  [/^You can grant roles only within your own HR scope$|^The new (parent|unit) is outside your scope$/, "outsideScope"],
  // import: the file as a whole
  [/^missing column (?<value>\S+)$/, "missingColumn"],
  [/^column (?<value>\S+) appears more than once$/, "repeatedColumn"],
  [/^The header row is missing required columns or repeats a column$/, "badHeader"],
  [/^the file has no header row and no data rows$|^The file is empty$/, "fileEmpty"],
  [/^the file has a header but no data rows$|^The file has no data rows$/, "noDataRows"],
  [/^at most (?<value>\d+) rows can be imported at once|^The file has more than (?<value2>\d+) data rows$/, "tooManyRows"],
  [/^The CSV file cannot be read$/, "csvUnreadable"],
  [/^The file is a PNG image\./, "filePng"],
  [/^The file is a JPEG image\./, "fileJpeg"],
  [/^The file is a GIF image\./, "fileGif"],
  [/^The file is a PDF document\./, "filePdf"],
  [/^The file is an old Excel 97-2003/, "fileXls"],
  [/^The file is larger than the upload limit/, "fileTooLarge"],
  [/^(?<value>\d+) rows? of (?<total>\d+) (is|are) invalid, so nothing was imported/, "rejectedRows"],
  [/^The import stopped because of an unexpected error/, "importCrashed"],
  [/^The server stopped while this import was running/, "importInterrupted"],
  // import: one row
  [/^NIP is required$/, "nipRequired"],
  [/^The NIP was stored as a number and lost its last digits/, "nipLostDigits"],
  [/^This NIP already appears on row (?<value>\d+)$/, "nipDuplicateRow"],
  [/^This NIP belongs to an employee of another agency$/, "nipOtherAgency"],
  [/^This employee works in a unit outside your HR scope$/, "employeeOutsideScope"],
  [/^Name is required$/, "nameRequired"],
  [/^Name must be at most 200 characters$/, "nameTooLong"],
  [/^Not a valid email address$/, "emailInvalid"],
  [/^This email already appears on row (?<value>\d+)$/, "emailDuplicateRow"],
  [/^Unit code is required$/, "unitCodeRequired"],
  [/^Unit code "(?<value>.*)" does not exist in this agency$/, "unitCodeUnknown"],
  [/^Unit "(?<value>.*)" is outside your HR scope$/, "unitOutsideScope"],
  [/^Employment type is required/, "typeRequired"],
  [/^Employment type must be PNS or PPPK$/, "typeInvalid"],
  [/^Status must be aktif or nonaktif/, "statusInvalid"],
  [/^Position must be at most 200 characters$/, "positionTooLong"],
  [/^Supervisor NIP must be exactly 18 digits$/, "supervisorNipLength"],
  [/^The supervisor's row (?<value>\d+) is invalid$/, "supervisorRowInvalid"],
  [/^No employee with this supervisor NIP/, "supervisorUnknown"],
];

/** The message in the viewer's language; `known` is false when it is shown as the server wrote it. */
export function serverMessage(t: TFunction, message: string): { text: string; known: boolean } {
  const m = message.trim();
  for (const [re, key] of PATTERNS) {
    const hit = re.exec(m);
    if (hit) {
      const g = hit.groups ?? {};
      return { text: t(`org:serverMessages.${key}`, { value: g.value ?? g.value2 ?? "", total: g.total ?? "" }), known: true };
    }
  }
  const common = translateCommon(m, t);
  return { text: common, known: common !== m };
}

export function translateServerMessage(t: TFunction, message: string): string {
  return serverMessage(t, message).text;
}

export const REQUEST_PART = /^(body|querystring|params)\./;

/** Field errors of a refused request, keyed by field name ("body.nip" and "nip" both become "nip"). */
export function fieldErrors(t: TFunction, err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError)) return out;
  for (const e of err.errors) {
    const key = e.path.replace(REQUEST_PART, "");
    if (!out[key]) out[key] = translateServerMessage(t, e.message);
  }
  return out;
}
