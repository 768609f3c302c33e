import type { TFunction } from "i18next";

/**
 * Field messages the API sends are English sentences. The ones we know are
 * shown in the active language; anything else is shown as sent.
 */
const EXACT: Record<string, string> = {
  "NIP must be exactly 18 digits": "nipLength",
  "NIP digits 1-8 are not a valid birth date": "nipBirthDate",
  "NIP birth date is in the future": "nipBirthFuture",
  "NIP digits 9-14 are not a valid appointment month": "nipAppointment",
  "NIP appointment month is too far in the future": "nipAppointmentFuture",
  "NIP appointment month is before the person turned 18": "nipTooYoung",
  "NIP digit 15 (gender) must be 1 or 2": "nipGender",
  "NIP serial (digits 16-18) must not be 000": "nipSerial",
  "must not contain your NIP, email or name": "passwordPersonal",
  "too easy to guess": "passwordGuessable",
  "wrong password": "wrongPassword",
  "same as the current password": "passwordSame",
  "Invalid email address": "email",
  "letters, digits, - and _ only": "codeChars",
};

const PATTERNS: [RegExp, string][] = [
  [/^at least (\d+) characters$/, "minChars"],
  [/^at most (\d+) characters$/, "maxChars"],
  [/^Too small: expected string to have >=?(\d+) characters?$/, "minChars"],
  [/^Too big: expected string to have <=?(\d+) characters?$/, "maxChars"],
  [/^Invalid option/, "invalidOption"],
];

export function translateServerMessage(message: string, t: TFunction): string {
  const exact = EXACT[message];
  if (exact) return t(`common:fieldErrors.${exact}`);
  for (const [re, key] of PATTERNS) {
    const m = message.match(re);
    if (m) return t(`common:fieldErrors.${key}`, { count: m[1] ? Number(m[1]) : 0 });
  }
  return message;
}
