/**
 * The one error catalogue. Every error the API returns has a stable `code`
 * (clients branch on it), an HTTP status and an English title; the web app
 * translates by code. Unknown errors become `internal` (500) and are logged.
 */
export const ErrorCodes = {
  validation_failed: { status: 400, title: "The request is not valid" },
  bad_request: { status: 400, title: "Bad request" },
  unauthenticated: { status: 401, title: "Sign-in required" },
  invalid_credentials: { status: 401, title: "Wrong NIP/email or password" },
  demo_account_disabled: { status: 403, title: "Demo accounts work only in demo mode" },
  account_disabled: { status: 403, title: "This account is disabled" },
  password_change_required: { status: 403, title: "Change your password first" },
  csrf_failed: { status: 403, title: "Missing or wrong CSRF token" },
  forbidden: { status: 403, title: "You may not do this" },
  not_found: { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Conflict with the current state" },
  already_set_up: { status: 409, title: "This installation is already set up" },
  payload_too_large: { status: 413, title: "The upload is too large" },
  unsupported_file: { status: 415, title: "This file type is not supported" },
  unprocessable: { status: 422, title: "The content cannot be processed" },
  idempotency_key_reused: { status: 422, title: "This idempotency key was used for a different request" },
  locked: { status: 409, title: "The record is locked" },
  too_many_attempts: { status: 429, title: "Too many attempts; try again later" },
  internal: { status: 500, title: "Internal error" },
  database_unavailable: { status: 503, title: "The database is not reachable" },
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, detail?: string, opts: { errors?: FieldError[]; extra?: Record<string, unknown> } = {}) {
    super(detail ?? ErrorCodes[code].title);
    this.name = "AppError";
    this.code = code;
    this.status = ErrorCodes[code].status;
    this.errors = opts.errors;
    this.extra = opts.extra;
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
export const forbidden = (detail?: string) => new AppError("forbidden", detail);
export const conflict = (detail: string, extra?: Record<string, unknown>) => new AppError("conflict", detail, { extra });
export const invalid = (errors: FieldError[], detail = "Some fields are not valid") => new AppError("validation_failed", detail, { errors });

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [key: string]: unknown;
}

export function toProblem(err: AppError, requestId?: string, instance?: string): Problem {
  return {
    type: `urn:abdi:problem:${err.code}`,
    title: ErrorCodes[err.code].title,
    status: err.status,
    detail: err.message,
    code: err.code,
    ...(instance ? { instance } : {}),
    ...(requestId ? { requestId } : {}),
    ...(err.errors ? { errors: err.errors } : {}),
    ...(err.extra ?? {}),
  };
}
