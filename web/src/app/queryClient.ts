import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/client";
import { authKeys } from "../modules/auth/api";

/** A 4xx answer will not change on retry; network faults and 5xx get two more tries. */
function shouldRetry(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failures < 2;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onSessionError(error) }),
    mutationCache: new MutationCache({ onError: (error) => onSessionError(error) }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 10_000 },
      mutations: { retry: false },
    },
  });
  /** A lost session or a demanded password change anywhere sends the guards back to work. */
  function onSessionError(error: unknown) {
    if (!(error instanceof ApiError)) return;
    if (error.code === "unauthenticated" || error.code === "password_change_required") {
      void client.invalidateQueries({ queryKey: authKeys.me });
    }
  }
  return client;
}
