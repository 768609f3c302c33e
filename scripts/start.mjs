#!/usr/bin/env node
// `npm start`: builds the web app when it is missing or older than its sources,
// then runs the server (TypeScript through tsx) in this process.
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
  const { build } = await import("vite");
  await build({ configFile: path.join(root, "vite.config.ts"), logLevel: "warn" });
}

const { register } = await import("tsx/esm/api");
register();
await import(path.join(root, "server", "main.ts"));
