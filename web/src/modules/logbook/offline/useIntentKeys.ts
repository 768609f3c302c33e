import { useRef } from "react";
import { newIdempotencyKey } from "../../../offline/outbox";

/**
 * Idempotency keys for online actions (review, decisions): one per intent,
 * kept while that intent is retried, dropped once it has gone through.
 */
export function useIntentKeys() {
  const keys = useRef(new Map<string, string>());
  return {
    key(intent: string): string {
      let k = keys.current.get(intent);
      if (!k) {
        k = newIdempotencyKey();
        keys.current.set(intent, k);
      }
      return k;
    },
    done(intent: string): void {
      keys.current.delete(intent);
    },
  };
}
