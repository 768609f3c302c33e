import { describe, expect, it } from "vitest";
import { fold, queryTerms, searchText, stem, stemCandidates, words } from "./stem.js";

describe("Indonesian stemmer", () => {
  it.each([
    ["pelayanan", "layan"],
    ["melayani", "layan"],
    ["pengelolaan", "kelola"],
    ["pelatihan", "latih"],
    ["latihan", "latih"],
    ["menyusun", "susun"],
    ["penyusunan", "susun"],
    ["membaca", "baca"],
    ["pemberdayaan", "daya"],
    ["berdaya", "daya"],
    ["kebijakan", "bijak"],
    ["pekerjaan", "kerja"],
    ["bekerja", "kerja"],
    ["menulis", "tulis"],
    ["penulisan", "tulis"],
    ["memimpin", "pimpin"],
    ["kepemimpinan", "pimpin"],
    ["merencanakan", "rencana"],
    ["keuangan", "uang"],
    ["bacalah", "baca"],
    ["bukunya", "buku"],
    ["pelayanannya", "layan"],
    ["sekolah", "sekolah"],
    ["kompetensi", "kompetensi"],
  ])("%s → %s", (word, root) => {
    expect(stem(word)).toBe(root);
  });

  it("strips particles and possessives before suffixes", () => {
    expect(stem("rumahnya")).toBe("rumah");
    expect(stem("bukumu")).toBe("buku");
    expect(stem("apakah")).toBe("apa");
    expect(stem("bacapun")).toBe("baca");
  });

  it("keeps both roots where a nasal prefix hides one (menilai: tilai or nilai)", () => {
    expect(stemCandidates("menilai")).toContain("nilai");
    expect(stemCandidates("mengajar")).toEqual(expect.arrayContaining(["ajar"]));
    expect(stemCandidates("penganggaran")).toContain("anggar");
  });

  it("leaves short words and numbers alone", () => {
    expect(stem("asn")).toBe("asn");
    expect(stemCandidates("2026")).toEqual(["2026"]);
  });

  it("folds case and diacritics and drops stop words", () => {
    expect(fold("Pélayanan  PUBLIK—Prima!")).toBe("pelayanan publik prima");
    expect(words("Pelayanan yang dan untuk Publik")).toEqual(["pelayanan", "publik"]);
  });

  it("stores space-delimited stems, and a query's words become stem alternatives", () => {
    const text = searchText("Pelayanan Publik", "Dasar pengelolaan");
    expect(text.startsWith(" ")).toBe(true);
    expect(text).toContain(" layan ");
    expect(text).toContain(" kelola ");
    expect(queryTerms("melayani pelayanan kelola")).toEqual([stemCandidates("melayani"), stemCandidates("pelayanan"), ["kelola"]]);
    expect(queryTerms("   ")).toEqual([]);
  });
});
