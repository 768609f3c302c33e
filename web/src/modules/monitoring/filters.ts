import { useSearchParams } from "react-router";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Unit and date of a monitoring page, kept in the address so a view can be shared and the back button works. */
export function useUnitDate() {
  const [params, setParams] = useSearchParams();
  const unitId = params.get("unitId") || undefined;
  const raw = params.get("date");
  const date = raw && DATE.test(raw) ? raw : undefined;
  const set = (next: { unitId?: string; date?: string }, replace = false) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace });
  };
  return { unitId, date, set };
}

export const isIsoDate = (v: string) => DATE.test(v);
