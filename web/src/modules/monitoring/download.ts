import { ApiError } from "../../api/client";

/** The file name a Content-Disposition header gives, or the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = disposition.match(/filename\*=UTF-8''([^;]+)/i);
  if (star) return decodeURIComponent(star[1]);
  const plain = disposition.match(/filename="?([^";]+)"?/i);
  return plain ? plain[1] : fallback;
}

/** Hands a blob to the browser as a download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export type FetchFileResult = "saved" | "too_large";

/**
 * Fetches a generated file (`/api/v1/...`) and saves it. A 413 answer means
 * the list is too long to build on the spot: the caller starts an export job.
 */
export async function fetchFile(url: string, fallbackName: string): Promise<FetchFileResult> {
  const res = await fetch(`/api/v1${url}`, { credentials: "same-origin" });
  if (res.status === 413) return "too_large";
  if (!res.ok) {
    const type = res.headers.get("content-type") ?? "";
    const body: Record<string, unknown> = type.includes("json") ? await res.json() : {};
    throw new ApiError(
      res.status,
      typeof body.code === "string" ? body.code : "internal",
      typeof body.detail === "string" ? body.detail : res.statusText,
      [],
      body,
    );
  }
  saveBlob(await res.blob(), fileNameOf(res.headers.get("content-disposition"), fallbackName));
  return "saved";
}
