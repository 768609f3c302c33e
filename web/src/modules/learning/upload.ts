import { ApiError } from "../../api/client";
import type { Media } from "./adminTypes";

/**
 * Uploads a media file through XMLHttpRequest (fetch cannot report upload
 * progress), reporting the share sent (0..1); resolves with the stored media.
 * `csrf` is the session's token (`Me.csrfToken`).
 */
export function uploadMedia(file: File, csrf: string, onProgress: (share: number) => void, signal?: AbortSignal): Promise<Media> {
  return uploadFile<Media>("/api/v1/learning/media", file, csrf, onProgress, signal);
}

/** Uploads one file as the `file` part of a form to `url`, with progress; resolves with the JSON answer. */
export function uploadFile<T>(url: string, file: File, csrf: string, onProgress: (share: number) => void, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.withCredentials = true;
    if (csrf) xhr.setRequestHeader("x-csrf-token", csrf);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as Record<string, unknown>;
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as unknown as T);
        return;
      }
      const str = (v: unknown, d: string) => (typeof v === "string" ? v : d);
      reject(new ApiError(xhr.status, str(body.code, "internal"), str(body.detail, xhr.statusText), Array.isArray(body.errors) ? body.errors : [], body));
    };
    xhr.onerror = () => reject(new TypeError("network"));
    xhr.onabort = () => reject(new DOMException("aborted", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort());
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
}
