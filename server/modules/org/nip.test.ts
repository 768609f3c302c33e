import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { composeNip, decodeNip, maskNip } from "./nip.js";

const TODAY = new Date("2026-11-28T00:00:00Z");

describe("NIP", () => {
  it("decodes a real-shaped NIP", () => {
    const r = decodeNip("198503122010011001", TODAY);
    expect(r).toEqual({ ok: true, value: { nip: "198503122010011001", birthDate: "1985-03-12", appointedOn: "2010-01", gender: "M", serial: 1 } });
    const f = decodeNip("199112302019032015", TODAY);
    expect(f.ok && f.value.gender).toBe("F");
  });

  it.each([
    ["19850312201001100", "exactly 18 digits"],
    ["1985031220100110011", "exactly 18 digits"],
    ["19850312201001100a", "exactly 18 digits"],
    ["198502302010011001", "birth date"],
    ["198513012010011001", "birth date"],
    ["198503122010131001", "appointment month"],
    ["198503122010001001", "appointment month"],
    ["198503122000011001", "turned 18"],
    ["198503122010013001", "gender"],
    ["198503122010011000", "serial"],
    ["203003122050011001", "future"],
  ])("refuses %s (%s)", (nip, why) => {
    const r = decodeNip(nip, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(why);
  });

  it("accepts spaces as people type them", () => {
    expect(decodeNip("19850312 201001 1 001", TODAY).ok).toBe(true);
  });

  it("round-trips every composed NIP (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1950-01-01"), max: new Date("1985-12-31"), noInvalidDate: true }),
        fc.integer({ min: 18, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom<"M" | "F">("M", "F"),
        fc.integer({ min: 1, max: 999 }),
        (birth, age, month, gender, serial) => {
          const b = { y: birth.getUTCFullYear(), m: birth.getUTCMonth() + 1, d: birth.getUTCDate() };
          const appt = { y: b.y + age + (month < b.m ? 1 : 0), m: month };
          const nip = composeNip(b, appt, gender, serial);
          const r = decodeNip(nip, TODAY);
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.value.gender).toBe(gender);
            expect(r.value.serial).toBe(serial);
            expect(r.value.birthDate).toBe(`${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`);
          }
        },
      ),
    );
  });

  it("never throws on arbitrary input and only accepts 18 digits (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const r = decodeNip(s, TODAY);
        if (r.ok) expect(r.value.nip).toMatch(/^\d{18}$/);
      }),
    );
  });

  it("masks birth date, appointment and gender", () => {
    const masked = maskNip("198503122010011001");
    expect(masked).toBe("1985***********001");
    expect(masked).not.toContain("0312");
    expect(masked).toHaveLength(18);
  });
});
