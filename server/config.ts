import fs from "node:fs";
import path from "node:path";

export type Engine = "sqlite" | "postgres";

export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded database (SQLite), uploaded files and the lock. */
  dataDir: string;
  /** When set, PostgreSQL is used instead of the embedded database. */
  databaseUrl: string | undefined;
  /** Started with --demo: demo accounts may sign in. */
  demo: boolean;
  logLevel: string;
  /** Trust X-Forwarded-* from a reverse proxy (needed for Secure cookies behind HTTPS). */
  trustProxy: boolean;
  /** Folder of the built web app. */
  webDir: string;
  sessionDays: number;
  version: string;
  /**
   * Origin that serves uploaded SCORM and cmi5 content, e.g. https://konten.instansi.go.id
   * (a second host name for this server). Content never runs on the platform's own origin.
   */
  contentOrigin: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): Config {
  const root = projectRoot(import.meta.dirname);
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "0.0.0.0",
    dataDir: path.resolve(env.ABDI_DATA_DIR ?? path.join(root, "data")),
    databaseUrl: env.DATABASE_URL || undefined,
    demo: argv.includes("--demo") || env.ABDI_DEMO === "1",
    logLevel: env.LOG_LEVEL ?? "info",
    trustProxy: env.ABDI_TRUST_PROXY === "1",
    webDir: path.resolve(env.ABDI_WEB_DIR ?? path.join(root, "dist", "web")),
    sessionDays: Number(env.ABDI_SESSION_DAYS ?? 14),
    version: env.npm_package_version ?? "0.1.0",
    contentOrigin: env.ABDI_CONTENT_ORIGIN?.replace(/\/+$/, "") || undefined,
  };
}

/** The folder with package.json above this file (the source tree or the bundled dist/server). */
function projectRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}
