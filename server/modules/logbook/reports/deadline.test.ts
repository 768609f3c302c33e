import { describe, expect, it } from "vitest";
import { makeCalendar } from "../calendar/workdays.js";
import { deadlineAt, deadlineDate } from "./deadline.js";
import { datesDue } from "./reminders.js";

// February 2026: Mon 2, Tue 3, Wed 4, Thu 5, Fri 6, Sat 7, Sun 8, Mon 9 …
const holiday = (date: string) => ({ date, kind: "holiday" as const, nameId: "Libur", nameEn: "Holiday" });
const cal = makeCalendar([holiday("2026-02-17"), { ...holiday("2026-02-16"), kind: "cuti_bersama" }], []);
const rule = { workdays: 1, time: "23:59" };

describe("report deadline", () => {
  it("is the end of the next workday, in the unit's zone", () => {
    expect(deadlineDate(cal, "2026-02-02", 1)).toBe("2026-02-03");
    expect(deadlineAt(cal, "2026-02-02", rule, "Asia/Jakarta").toISOString()).toBe("2026-02-03T16:59:59.999Z");
  });

  it("jumps from Friday to Monday", () => {
    expect(deadlineDate(cal, "2026-02-06", 1)).toBe("2026-02-09");
    expect(deadlineAt(cal, "2026-02-06", rule, "Asia/Jakarta").toISOString()).toBe("2026-02-09T16:59:59.999Z");
  });

  it("skips holidays and cuti bersama", () => {
    // Friday 13 → Monday 16 (cuti bersama) and Tuesday 17 (holiday) are skipped → Wednesday 18.
    expect(deadlineDate(cal, "2026-02-13", 1)).toBe("2026-02-18");
    expect(deadlineDate(cal, "2026-02-12", 2)).toBe("2026-02-18");
  });

  it("counts a report for a day off from the next workday", () => {
    expect(deadlineDate(cal, "2026-02-07", 1)).toBe("2026-02-09");
    expect(deadlineDate(cal, "2026-02-17", 1)).toBe("2026-02-18");
    expect(deadlineDate(cal, "2026-02-07", 0)).toBe("2026-02-07");
  });

  it("follows the configured number of workdays and time", () => {
    expect(deadlineDate(cal, "2026-02-02", 0)).toBe("2026-02-02");
    expect(deadlineDate(cal, "2026-02-05", 3)).toBe("2026-02-10");
    expect(deadlineAt(cal, "2026-02-02", { workdays: 1, time: "16:00" }, "Asia/Jakarta").toISOString()).toBe("2026-02-03T09:00:59.999Z");
  });

  it("ends at 23:59 WIT for a unit in Papua and 23:59 WITA in Makassar", () => {
    expect(deadlineAt(cal, "2026-02-02", rule, "Asia/Jayapura").toISOString()).toBe("2026-02-03T14:59:59.999Z");
    expect(deadlineAt(cal, "2026-02-02", rule, "Asia/Makassar").toISOString()).toBe("2026-02-03T15:59:59.999Z");
  });
});

describe("which dates a reminder is due for", () => {
  const sixHours = (now: Date) => now.getTime() + 6 * 3_600_000;

  it("reminds of yesterday when its deadline is within the next hours, not earlier", () => {
    const evening = new Date("2026-02-03T12:00:00Z"); // 19:00 WIB on Tuesday
    expect(datesDue(cal, rule, "Asia/Jakarta", evening, sixHours(evening)).map((d) => d.date)).toEqual(["2026-02-02"]);
    const morning = new Date("2026-02-03T02:00:00Z"); // 09:00 WIB
    expect(datesDue(cal, rule, "Asia/Jakarta", morning, sixHours(morning))).toEqual([]);
  });

  it("still reminds after the deadline passed earlier today, and stops the next day", () => {
    const early = { workdays: 1, time: "12:00" };
    const afternoon = new Date("2026-02-03T09:00:00Z"); // 16:00 WIB, deadline was 12:00
    expect(datesDue(cal, early, "Asia/Jakarta", afternoon, sixHours(afternoon)).map((d) => d.date)).toEqual(["2026-02-02"]);
    const nextDay = new Date("2026-02-04T02:00:00Z");
    expect(datesDue(cal, early, "Asia/Jakarta", nextDay, sixHours(nextDay)).map((d) => d.date)).not.toContain("2026-02-02");
  });

  it("reminds of Friday on Monday, and of nothing over the weekend", () => {
    const monday = new Date("2026-02-09T13:00:00Z");
    expect(datesDue(cal, rule, "Asia/Jakarta", monday, sixHours(monday)).map((d) => d.date)).toEqual(["2026-02-06"]);
    const saturday = new Date("2026-02-07T13:00:00Z");
    expect(datesDue(cal, rule, "Asia/Jakarta", saturday, sixHours(saturday))).toEqual([]);
  });

  it("uses the unit's zone: at 21:30 WIB a Papua unit is already past its 23:59 WIT deadline's day", () => {
    const now = new Date("2026-02-03T14:30:00Z"); // 21:30 WIB = 23:30 WIT on Tuesday
    expect(datesDue(cal, rule, "Asia/Jayapura", now, sixHours(now)).map((d) => d.date)).toEqual(["2026-02-02"]);
    const later = new Date("2026-02-03T15:30:00Z"); // 00:30 WIT Wednesday: Tuesday's deadline is yesterday's
    expect(datesDue(cal, rule, "Asia/Jayapura", later, sixHours(later)).map((d) => d.date)).toEqual([]);
    expect(datesDue(cal, rule, "Asia/Jakarta", later, sixHours(later)).map((d) => d.date)).toEqual(["2026-02-02"]);
  });
});
