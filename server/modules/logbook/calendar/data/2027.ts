import type { CalendarDataset, ShippedDay } from "./types.js";

/**
 * 2027 is shipped as an ESTIMATE: no joint decree of the three ministers for
 * 2027 was available when this data was prepared. Fixed-date holidays follow
 * the standing rules; religious holidays are computed from astronomical new
 * and full moons and may move by a day. No cuti bersama is shipped until the
 * decree sets them; operators add or correct rows, or a later dataset version
 * (family "skb-2027") replaces these.
 */
const ESTIMATE_2027 =
  "Perkiraan (estimate): SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB tentang Hari Libur Nasional dan Cuti Bersama Tahun 2027 " +
  "belum tersedia saat data ini disusun";

const holiday = (date: string, nameId: string, nameEn: string): ShippedDay => ({ date, kind: "holiday", nameId, nameEn, legalBasis: ESTIMATE_2027 });

export const calendar2027: CalendarDataset = {
  family: "skb-2027",
  version: 1,
  days: [
    holiday("2027-01-01", "Tahun Baru 2027 Masehi", "New Year's Day 2027"),
    holiday("2027-01-05", "Isra Mikraj Nabi Muhammad SAW (perkiraan)", "Ascension of the Prophet Muhammad (estimate)"),
    holiday("2027-02-06", "Tahun Baru Imlek 2578 Kongzili", "Chinese New Year 2578"),
    holiday("2027-03-08", "Hari Suci Nyepi (Tahun Baru Saka 1949) (perkiraan)", "Day of Silence (Saka New Year 1949) (estimate)"),
    holiday("2027-03-10", "Idulfitri 1448 Hijriah (hari pertama) (perkiraan)", "Eid al-Fitr 1448 AH (first day) (estimate)"),
    holiday("2027-03-11", "Idulfitri 1448 Hijriah (hari kedua) (perkiraan)", "Eid al-Fitr 1448 AH (second day) (estimate)"),
    holiday("2027-03-26", "Wafat Yesus Kristus", "Good Friday"),
    holiday("2027-03-28", "Kebangkitan Yesus Kristus (Paskah)", "Easter Sunday"),
    holiday("2027-05-01", "Hari Buruh Internasional", "International Labour Day"),
    holiday("2027-05-06", "Kenaikan Yesus Kristus", "Ascension of Jesus Christ"),
    holiday("2027-05-17", "Iduladha 1448 Hijriah (perkiraan)", "Eid al-Adha 1448 AH (estimate)"),
    holiday("2027-05-20", "Hari Raya Waisak 2571 BE (perkiraan)", "Vesak Day 2571 BE (estimate)"),
    holiday("2027-06-01", "Hari Lahir Pancasila", "Pancasila Day"),
    holiday("2027-06-06", "1 Muharam Tahun Baru Islam 1449 Hijriah (perkiraan)", "Islamic New Year 1449 AH (estimate)"),
    holiday("2027-08-15", "Maulid Nabi Muhammad SAW (perkiraan)", "Birthday of the Prophet Muhammad (estimate)"),
    holiday("2027-08-17", "Proklamasi Kemerdekaan Republik Indonesia", "Independence Day"),
    holiday("2027-12-25", "Kelahiran Yesus Kristus", "Christmas Day"),
  ],
  periods: [
    {
      kind: "ramadan",
      startsOn: "2027-02-08",
      endsOn: "2027-03-09",
      nameId: "Ramadan 1448 H (perkiraan)",
      nameEn: "Ramadan 1448 AH (estimate)",
      legalBasis: "Perkiraan hisab (estimate); awal Ramadan dan 1 Syawal 1448 H ditetapkan Menteri Agama melalui sidang isbat",
    },
  ],
};
