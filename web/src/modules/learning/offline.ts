import type { QueryClient } from "@tanstack/react-query";
import { get } from "../../api/client";
import type { Me } from "../../api/types";
import { clearOnSignOut } from "../../offline/signOut";
import { authKeys } from "../auth/api";
import { normalizeLesson } from "./normalize";
import type { PlayerOutline } from "./types";

/**
 * Courses saved for offline study live in the Cache Storage, one cache per
 * enrolment: the outline and every lesson's JSON under their API addresses,
 * plus the media files of video and PDF lessons. The page reads the JSON
 * back when the network fails; the service worker answers media requests
 * from these caches (see vite.config.ts).
 *
 * They belong to the person who saved them: signing out removes every saved
 * course, and when someone else signs in on the device (after a session ran
 * out without a sign-out) the courses of anyone else are removed.
 */
const PREFIX = "abdi-learning-";
const META = "/__abdi/learning-meta";
/** Written first: whose course this is, also while it is still being saved. */
const OWNER = "/__abdi/learning-owner";

export const offlineCacheName = (enrolmentId: string) => `${PREFIX}${enrolmentId}`;

export interface SavedCourse {
  enrolmentId: string;
  title: string;
  savedAt: string;
  files: number;
}

const canCache = () => typeof caches !== "undefined";

async function store(cache: Cache, url: string): Promise<Response> {
  const res = await fetch(url, { credentials: "same-origin" });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  await cache.put(url, res.clone());
  return res;
}

const json = (value: unknown) => new Response(JSON.stringify(value), { headers: { "content-type": "application/json" } });

/** Saves a course's lessons and media for the signed-in person `ownerId`; `onProgress` gets done/total as files arrive. */
export async function saveForOffline(outline: PlayerOutline, ownerId: string, onProgress: (done: number, total: number) => void): Promise<SavedCourse> {
  const cache = await caches.open(offlineCacheName(outline.id));
  await cache.put(OWNER, json({ ownerId }));
  const lessons = outline.modules.flatMap((m) => m.lessons).filter((l) => !l.locked);
  let done = 0;
  let total = lessons.length + 1;
  onProgress(done, total);
  await store(cache, `/api/v1/learning/enrolments/${outline.id}`);
  onProgress(++done, total);
  const media: string[] = [];
  for (const l of lessons) {
    const res = await store(cache, `/api/v1/learning/enrolments/${outline.id}/lessons/${l.id}`);
    const lesson = normalizeLesson(await res.json());
    const src = lesson.mediaUrl ?? (lesson.kind === "pdf" || lesson.kind === "video" ? lesson.url : null);
    if (src?.startsWith("/")) media.push(src);
    onProgress(++done, total);
  }
  total += media.length;
  for (const url of media) {
    await store(cache, url);
    onProgress(++done, total);
  }
  const saved: SavedCourse = { enrolmentId: outline.id, title: outline.course.title, savedAt: new Date().toISOString(), files: total };
  await cache.put(META, json(saved));
  return saved;
}

export async function removeOffline(enrolmentId: string): Promise<void> {
  if (canCache()) await caches.delete(offlineCacheName(enrolmentId));
}

/** Every course saved on this device. */
export async function savedCourses(): Promise<SavedCourse[]> {
  if (!canCache()) return [];
  const names = (await caches.keys()).filter((n) => n.startsWith(PREFIX));
  const out: SavedCourse[] = [];
  for (const name of names) {
    const meta = await (await caches.open(name)).match(META);
    if (meta) out.push((await meta.json()) as SavedCourse);
  }
  return out;
}

/** Drops every saved course (at sign-out). */
export async function clearOfflineCourses(): Promise<void> {
  if (!canCache()) return;
  for (const name of await caches.keys()) if (name.startsWith(PREFIX)) await caches.delete(name);
}

/** Drops the saved courses of anyone but `userId` (and those saved before owners were recorded). */
export async function clearOfflineCoursesOfOthers(userId: string): Promise<void> {
  if (!canCache()) return;
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX)) continue;
    const owner = await (await caches.open(name)).match(OWNER);
    const ownerId = owner ? ((await owner.json()) as { ownerId?: string }).ownerId : undefined;
    if (ownerId !== userId) await caches.delete(name);
  }
}

/**
 * Keeps saved courses to their owner: cleared at every sign-out, and
 * another person's cleared as soon as someone signs in.
 */
export function protectOfflineCourses(client: QueryClient): void {
  clearOnSignOut(clearOfflineCourses);
  let checked: string | null = null;
  client.getQueryCache().subscribe((event) => {
    if (event.type !== "updated" || event.query.queryKey[0] !== authKeys.me[0]) return;
    const me = event.query.state.data as Me | null | undefined;
    if (me === null) checked = null;
    if (!me || me.id === checked) return;
    checked = me.id;
    void clearOfflineCoursesOfOthers(me.id);
  });
}

/** A GET of the API that falls back to a saved copy when the network is not there. */
export async function getWithOfflineCopy<T>(path: string): Promise<T> {
  try {
    return await get<T>(path);
  } catch (err) {
    if (!(err instanceof TypeError) || !canCache()) throw err;
    const hit = await caches.match(`/api/v1${path}`);
    if (!hit) throw err;
    return (await hit.json()) as T;
  }
}
