#!/usr/bin/env node
// `npm start`: builds the web app when it is missing or older than its sources,
// then runs the server (TypeScript through tsx) in this process.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const webIndex = path.join(root, "dist", "web", "index.html");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const built = fs.existsSync(webIndex) ? fs.statSync(webIndex).mtimeMs : 0;
const sources = Math.max(newestMtime(path.join(root, "web")), fs.statSync(path.join(root, "vite.config.ts")).mtimeMs);
if (!process.env.ABDI_WEB_DIR && built < sources) {
  process.stdout.write("Building the web app (first start or changed sources)...\n");
  // In a child process: the build needs a lot of memory that the server should not keep.
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The server is bundled into one file (dependencies stay in node_modules): it starts faster and
// uses less memory than compiling TypeScript on the fly.
const serverBundle = path.join(root, "dist", "server", "main.mjs");
const bundled = fs.existsSync(serverBundle) ? fs.statSync(serverBundle).mtimeMs : 0;
if (bundled < Math.max(newestMtime(path.join(root, "server")), fs.statSync(path.join(root, "package.json")).mtimeMs)) {
  const { build } = await import("esbuild");
  await build({
    entryPoints: [path.join(root, "server", "main.ts")],
    outfile: serverBundle,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
  });
}
process.setSourceMapsEnabled(true);
await import(serverBundle);
