import { useSearchParams } from "react-router";

/** Filters kept in the address, so a filtered view can be shared and survives going back. */
export function useFilterParams<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ""])) as Record<K, string>;
  const page = Math.max(1, Number(params.get("page")) || 1);
  const update = (patch: Partial<Record<K, string>> & { page?: number }) => {
    const next = new URLSearchParams();
    for (const k of keys) {
      const v = k in patch ? patch[k] : values[k];
      if (v) next.set(k, v);
    }
    if (patch.page && patch.page > 1) next.set("page", String(patch.page));
    setParams(next, { replace: true });
  };
  return { values, page, update };
}
