/**
 * Indonesian-aware search words: case and diacritic folding and a light,
 * dictionary-free stemmer. Affixes are removed in the usual order (particle,
 * possessive, derivational suffix, then up to two prefixes with the nasal
 * assimilation of meN-/peN-). Where a prefix leaves two possible roots
 * ("menilai": nilai or tilai) both are kept as candidates, the likelier first,
 * so a query and a text stemmed the same way meet on either.
 */

const VOWELS = new Set(["a", "e", "i", "o", "u"]);
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.has(c);

/** Words that look affixed but are roots. */
const ROOTS = new Set([
  "sekolah",
  "masalah",
  "jumlah",
  "wilayah",
  "istilah",
  "ibadah",
  "kalimat",
  "kelola",
  "kepala",
  "kerja",
  "kenal",
  "keluarga",
  "beras",
  "teman",
  "dinas",
  "desa",
  "data",
  "negara",
  "bahan",
  "taman",
  "jalan",
  "tujuan",
  "aplikasi",
  "informasi",
  "organisasi",
  "administrasi",
  "komunikasi",
  "evaluasi",
  "inovasi",
  "birokrasi",
  "regulasi",
  "digital",
  "publik",
  "perintah",
  "pemerintah",
  "sejarah",
  "etika",
  "teknologi",
]);

const STOPWORDS = new Set(["dan", "yang", "di", "ke", "dari", "untuk", "dengan", "atau", "pada", "dalam", "the", "of", "and", "for", "to", "in", "a", "an"]);

const MIN_ROOT = 3;

/** Lower case, no diacritics, letters and digits only (everything else separates words). */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The folded words of a text, without stop words and one-letter words. */
export function words(text: string): string[] {
  const folded = fold(text);
  if (!folded) return [];
  return folded.split(" ").filter((w) => w.length > 1 && !STOPWORDS.has(w));
}

function stripEnd(word: string, endings: readonly string[]): string | null {
  for (const e of endings) if (word.endsWith(e) && word.length - e.length >= MIN_ROOT) return word.slice(0, -e.length);
  return null;
}

/** The word without its suffixes; with "-i" also the form that keeps it (the "i" may belong to the root). */
function suffixForms(word: string): string[] {
  if (ROOTS.has(word)) return [word];
  let w = stripEnd(word, ["lah", "kah", "tah", "pun"]) ?? word;
  w = stripEnd(w, ["nya", "ku", "mu"]) ?? w;
  if (ROOTS.has(w)) return [w];
  const kan = stripEnd(w, ["kan"]);
  const an = stripEnd(w, ["an"]);
  // peN-…-an and ke-…-an are confixes ("pendidikan", "kebijakan"); elsewhere "-kan" is the likelier suffix.
  if (kan && an) return /^(pe|ke)/.test(w) ? [an, kan] : [kan, an];
  if (an) return [an];
  const i = stripEnd(w, ["i"]);
  // Loanwords in "-si" ("kompetensi") keep their "i".
  if (i && !/[is]$/.test(i)) return [i, w];
  return [w];
}

function startsWithRoot(w: string): boolean {
  for (const r of ROOTS) if (w.startsWith(r)) return true;
  return false;
}

/** Roots a prefix may have hidden (likelier first); empty when the word has no prefix. */
function unprefix(w: string): string[] {
  if (startsWithRoot(w)) return [];
  const rest = (n: number) => w.slice(n);
  const ok = (xs: string[]) => xs.filter((x) => x.length >= MIN_ROOT);
  if (w.startsWith("me") || w.startsWith("pe")) {
    const r = rest(2);
    if (w.startsWith("pe") && r.startsWith("r") && !r.startsWith("rs")) {
      // per-: "perubahan" → ubah; "pe" + root in r-: "perintah" stays a candidate.
      return ok([r.slice(1), r]);
    }
    if (r.startsWith("ng")) {
      const s = r.slice(2);
      if (isVowel(s[0])) return ok(s[0] === "e" ? [`k${s}`, s] : [s, `k${s}`]);
      return ok([s]);
    }
    if (r.startsWith("ny")) return ok([`s${r.slice(2)}`]);
    if (r.startsWith("m")) {
      const s = r.slice(1);
      if (isVowel(s[0])) return ok([`p${s}`, r]);
      return ok([s]);
    }
    if (r.startsWith("n")) {
      const s = r.slice(1);
      if (isVowel(s[0])) return ok([`t${s}`, r]);
      return ok([s]);
    }
    // "me"/"pe" before l, r, w, y and (pe-) other consonants: "melayani", "pelatihan", "pekerjaan".
    if (!isVowel(r[0])) return ok([r]);
    return [];
  }
  if (w.startsWith("bel") && w.slice(3).startsWith("ajar")) return ok([rest(3)]);
  if (w.startsWith("ber")) return ok([rest(3)]);
  if (w.startsWith("be") && /^[^aeiou]er/.test(rest(2))) return ok([rest(2)]);
  if (w.startsWith("ter")) return ok([rest(3)]);
  // di-, ke-, se- also begin many roots ("didik", "kecil"): the whole word stays a candidate.
  for (const p of ["di", "ke", "se"]) if (w.startsWith(p)) return ok([rest(2), w]);
  return [];
}

/** The candidate stems of one folded word, likelier first (at most four). */
export function stemCandidates(word: string): string[] {
  const out: string[] = [];
  const add = (x: string) => {
    if (!out.includes(x) && out.length < 4) out.push(x);
  };
  if (word.length <= MIN_ROOT || /\d/.test(word)) return [word];
  for (const base of suffixForms(word)) {
    const level1 = ROOTS.has(base) ? [] : unprefix(base);
    if (level1.length === 0) {
      add(base);
      continue;
    }
    for (const r1 of level1) {
      const level2 = ROOTS.has(r1) ? [] : unprefix(r1);
      // A second prefix only when the first one left a prefixed form ("pemberdayaan" → berdaya → daya).
      const firstIsPrefix = /^(be|ter|pe)/.test(r1);
      if (firstIsPrefix && level2.length > 0) add(level2[0]);
      else add(r1);
    }
  }
  return out.length > 0 ? out : [word];
}

/** The likeliest stem of one word (folded first). */
export function stem(word: string): string {
  const w = fold(word).replace(/ /g, "");
  return stemCandidates(w)[0] ?? w;
}

/** The stored search text of a document: every candidate stem of every word, space-delimited (leading and trailing space). */
export function searchText(...parts: (string | null | undefined)[]): string {
  const set = new Set<string>();
  for (const part of parts) for (const w of words(part ?? "")) for (const c of stemCandidates(w)) set.add(c);
  return set.size > 0 ? ` ${[...set].join(" ")} ` : " ";
}

/** A query: for each word, the stems any of which must appear. */
export function queryTerms(q: string): string[][] {
  const seen = new Set<string>();
  const terms: string[][] = [];
  for (const w of words(q)) {
    if (seen.has(w)) continue;
    seen.add(w);
    terms.push(stemCandidates(w));
  }
  return terms.slice(0, 8);
}
