import type { CalendarDataset, ShippedDay } from "./types.js";

const SKB_2026 =
  "SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, dan Nomor 5 Tahun 2025 " +
  "tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026";

const holiday = (date: string, nameId: string, nameEn: string): ShippedDay => ({ date, kind: "holiday", nameId, nameEn, legalBasis: SKB_2026 });
const cutiBersama = (date: string, nameId: string, nameEn: string): ShippedDay => ({ date, kind: "cuti_bersama", nameId, nameEn, legalBasis: SKB_2026 });

/** 2026: 17 days of national holidays and 8 days of cuti bersama; Ramadan 1447 H as set by the isbat sessions. */
export const calendar2026: CalendarDataset = {
  family: "skb-2026",
  version: 1,
  days: [
    holiday("2026-01-01", "Tahun Baru 2026 Masehi", "New Year's Day 2026"),
    holiday("2026-01-16", "Isra Mikraj Nabi Muhammad SAW", "Ascension of the Prophet Muhammad"),
    holiday("2026-02-17", "Tahun Baru Imlek 2577 Kongzili", "Chinese New Year 2577"),
    holiday("2026-03-19", "Hari Suci Nyepi (Tahun Baru Saka 1948)", "Day of Silence (Saka New Year 1948)"),
    holiday("2026-03-21", "Idulfitri 1447 Hijriah (hari pertama)", "Eid al-Fitr 1447 AH (first day)"),
    holiday("2026-03-22", "Idulfitri 1447 Hijriah (hari kedua)", "Eid al-Fitr 1447 AH (second day)"),
    holiday("2026-04-03", "Wafat Yesus Kristus", "Good Friday"),
    holiday("2026-04-05", "Kebangkitan Yesus Kristus (Paskah)", "Easter Sunday"),
    holiday("2026-05-01", "Hari Buruh Internasional", "International Labour Day"),
    holiday("2026-05-14", "Kenaikan Yesus Kristus", "Ascension of Jesus Christ"),
    holiday("2026-05-27", "Iduladha 1447 Hijriah", "Eid al-Adha 1447 AH"),
    holiday("2026-05-31", "Hari Raya Waisak 2570 BE", "Vesak Day 2570 BE"),
    holiday("2026-06-01", "Hari Lahir Pancasila", "Pancasila Day"),
    holiday("2026-06-16", "1 Muharam Tahun Baru Islam 1448 Hijriah", "Islamic New Year 1448 AH"),
    holiday("2026-08-17", "Proklamasi Kemerdekaan Republik Indonesia", "Independence Day"),
    holiday("2026-08-25", "Maulid Nabi Muhammad SAW", "Birthday of the Prophet Muhammad"),
    holiday("2026-12-25", "Kelahiran Yesus Kristus", "Christmas Day"),
    cutiBersama("2026-02-16", "Cuti bersama Tahun Baru Imlek 2577 Kongzili", "Collective leave: Chinese New Year"),
    cutiBersama("2026-03-18", "Cuti bersama Hari Suci Nyepi", "Collective leave: Day of Silence"),
    cutiBersama("2026-03-20", "Cuti bersama Idulfitri 1447 Hijriah", "Collective leave: Eid al-Fitr"),
    cutiBersama("2026-03-23", "Cuti bersama Idulfitri 1447 Hijriah", "Collective leave: Eid al-Fitr"),
    cutiBersama("2026-03-24", "Cuti bersama Idulfitri 1447 Hijriah", "Collective leave: Eid al-Fitr"),
    cutiBersama("2026-05-15", "Cuti bersama Kenaikan Yesus Kristus", "Collective leave: Ascension of Jesus Christ"),
    cutiBersama("2026-05-28", "Cuti bersama Iduladha 1447 Hijriah", "Collective leave: Eid al-Adha"),
    cutiBersama("2026-12-24", "Cuti bersama Kelahiran Yesus Kristus", "Collective leave: Christmas"),
  ],
  periods: [
    {
      kind: "ramadan",
      startsOn: "2026-02-19",
      endsOn: "2026-03-20",
      nameId: "Ramadan 1447 H",
      nameEn: "Ramadan 1447 AH",
      legalBasis:
        "Penetapan Menteri Agama hasil sidang isbat: 1 Ramadan 1447 H = 19 Februari 2026, 1 Syawal 1447 H = 21 Maret 2026 (Idulfitri sesuai SKB Hari Libur Nasional 2026)",
    },
  ],
};
