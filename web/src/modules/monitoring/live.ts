import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";

export type LiveState = "connecting" | "live" | "reconnecting" | "offline";

/** Changes arriving within this window cause one refetch. */
const REFETCH_DELAY_MS = 1000;
/** After the server closed the feed for good, a new one is opened after this pause. */
const REOPEN_DELAY_MS = 15_000;

/**
 * Follows the live feed of a unit subtree: on `change` events the board (and
 * an open drill-down list) is refetched, at most once a second. After a
 * dropped connection comes back everything is refetched, since changes may
 * have been missed meanwhile.
 */
export function useLiveBoard(unitId: string | undefined): LiveState {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");

  useEffect(() => {
    if (!unitId || typeof EventSource === "undefined") {
      setState("offline");
      return;
    }
    let source: EventSource | null = null;
    let refetchTimer: ReturnType<typeof setTimeout> | undefined;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let hadError = false;
    let stopped = false;

    const refetch = () => {
      refetchTimer = undefined;
      void qc.invalidateQueries({ queryKey: ["monitoring", "board"] });
      void qc.invalidateQueries({ queryKey: ["monitoring", "people"] });
    };
    const schedule = () => {
      if (refetchTimer === undefined) refetchTimer = setTimeout(refetch, REFETCH_DELAY_MS);
    };
    const open = () => {
      setState(hadError ? "reconnecting" : "connecting");
      const es = new EventSource(`/api/v1/monitoring/live?unitId=${encodeURIComponent(unitId)}`, { withCredentials: true });
      source = es;
      es.onopen = () => {
        setState("live");
        if (hadError) schedule();
        hadError = false;
      };
      es.addEventListener("change", schedule);
      es.onerror = () => {
        hadError = true;
        if (es.readyState === EventSource.CLOSED) {
          setState("offline");
          es.close();
          if (!stopped) reopenTimer = setTimeout(open, REOPEN_DELAY_MS);
        } else {
          setState("reconnecting");
        }
      };
    };
    open();
    return () => {
      stopped = true;
      source?.close();
      clearTimeout(refetchTimer);
      clearTimeout(reopenTimer);
    };
  }, [unitId, qc]);

  return state;
}
