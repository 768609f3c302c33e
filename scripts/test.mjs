#!/usr/bin/env node
// `npm test`: lint, type check, server tests (SQLite, and PostgreSQL when
// TEST_DATABASE_URL is set), web build, browser tests; then one summary.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "test-results");
fs.mkdirSync(out, { recursive: true });
const started = Date.now();

function run(title, cmd, args) {
  process.stdout.write(`\n== ${title}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    process.stdout.write(`\n${title} failed (exit ${r.status})\n`);
    process.exit(r.status || 1);
  }
}

const bin = (name) => path.join(root, "node_modules", ".bin", name);
const only = process.argv.slice(2);
const want = (step) => only.length === 0 || only.includes(step);

if (want("lint")) run("lint", bin("biome"), ["check", "--error-on-warnings", "."]);
if (want("types")) run("type check", bin("tsc"), ["-p", "tsconfig.json", "--noEmit"]);
const reports = [];
for (const project of ["server", "browser"]) {
  if (!want(project)) continue;
  if (project === "browser") run("web build", bin("vite"), ["build", "--logLevel", "warn"]);
  const file = path.join(out, `${project}.json`);
  reports.push(file);
  run(`${project} tests`, bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
}

let passed = 0;
let failed = 0;
let skipped = 0;
const perEngine = { sqlite: 0, postgres: 0, "engine-independent": 0 };
for (const file of reports) {
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const suite of report.testResults) {
    for (const t of suite.assertionResults) {
      if (t.status === "passed") passed++;
      else if (t.status === "failed") failed++;
      else skipped++;
      if (t.status !== "passed") continue;
      const name = [...t.ancestorTitles, t.title].join(" ");
      if (/ on postgres\b/.test(name)) perEngine.postgres++;
      else if (/ on sqlite\b/.test(name)) perEngine.sqlite++;
      else perEngine["engine-independent"]++;
    }
  }
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
process.stdout.write(
  `\nDatabase tests passed: ${perEngine.sqlite} on SQLite, ${perEngine.postgres} on PostgreSQL; ${perEngine["engine-independent"]} engine-independent. Took ${seconds} s.\n`,
);
if (!process.env.TEST_DATABASE_URL) process.stdout.write("TEST_DATABASE_URL is not set: the PostgreSQL pass was not run.\n");
process.stdout.write(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`);
process.exit(failed ? 1 : 0);
