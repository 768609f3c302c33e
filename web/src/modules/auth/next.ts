/** A return path from `?next=`, accepted only when it stays on this site. */
export function safeNext(value: string | null): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value.startsWith("/login") || value.startsWith("/setup")) return "/";
  return value;
}

let signedOutByChoice = false;

/** After choosing to sign out, the sign-in page carries no return path: the next person starts fresh. */
export function markSignedOut(): void {
  signedOutByChoice = true;
}

export function clearSignedOut(): void {
  signedOutByChoice = false;
}

/** Where a signed-out visitor of `wanted` is sent. */
export function loginPath(wanted: string): string {
  if (signedOutByChoice || !wanted || wanted === "/") return "/login";
  return `/login?next=${encodeURIComponent(wanted)}`;
}
