import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { listOutbox, type OutboxItem, onOutboxChange } from "../../../offline/outbox";
import { logbookKeys } from "../api";

/**
 * The outbox as the page sees it: every queued or refused request, kept up to
 * date. When a queued request is delivered, the logbook data is read again
 * from the server, so what was shown optimistically becomes the real answer.
 */
export function useOutbox(): OutboxItem[] {
  const qc = useQueryClient();
  const [items, setItems] = useState<OutboxItem[]>([]);
  const lastPending = useRef(0);
  useEffect(() => {
    let alive = true;
    const load = () => {
      void listOutbox().then((list) => {
        if (!alive) return;
        const pending = list.filter((i) => i.state === "pending").length;
        if (pending < lastPending.current) void qc.invalidateQueries({ queryKey: logbookKeys.all });
        lastPending.current = pending;
        setItems(list);
      });
    };
    load();
    const stop = onOutboxChange(load);
    return () => {
      alive = false;
      stop();
    };
  }, [qc]);
  return items;
}

/** Whether the browser says it is online, following its online/offline events. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    return () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
    };
  }, []);
  return online;
}
