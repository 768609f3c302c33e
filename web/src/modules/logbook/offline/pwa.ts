import type { QueryClient } from "@tanstack/react-query";
import type { Me } from "../../../api/types";
import { setOutboxOwner } from "../../../offline/outbox";
import { authKeys } from "../../auth/api";

/** The service worker's cache of the daily page's API answers (see vite.config.ts). */
export const DAILY_API_CACHE = "abdi-daily-api";

function watchSession(client: QueryClient, onChange: (me: Me | null) => void): void {
  client.getQueryCache().subscribe((event) => {
    if (event.type !== "updated" || event.query.queryKey[0] !== authKeys.me[0]) return;
    const data = event.query.state.data as Me | null | undefined;
    if (data !== undefined) onChange(data);
  });
}

/**
 * Makes the app usable without a connection. Queries try their first read
 * even when the browser reports no network: the service worker answers from
 * its cache, so the daily page opens offline once visited. On sign-out the
 * cached answers are dropped, so the next person on the device sees none.
 */
export function prepareOfflineQueries(client: QueryClient): void {
  const defaults = client.getDefaultOptions();
  client.setDefaultOptions({ ...defaults, queries: { ...defaults.queries, networkMode: "offlineFirst" } });
  watchSession(client, (me) => {
    if (me === null && "caches" in window) void caches.delete(DAILY_API_CACHE);
  });
}

/**
 * Runs `start` once, when a signed-in session is first known: replaying the
 * outbox needs the session's CSRF token, which arrives with the person.
 */
export function whenSignedIn(client: QueryClient, start: () => void): void {
  let started = false;
  watchSession(client, (me) => {
    setOutboxOwner(me?.id ?? null);
    if (me && !started) {
      started = true;
      start();
    }
  });
}
