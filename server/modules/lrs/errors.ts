/** An xAPI error: the status the specification asks for and a message for the client. */
export class XapiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "XapiError";
  }
}

export const badRequest = (message: string): XapiError => new XapiError(400, message);
export const forbidden = (message: string): XapiError => new XapiError(403, message);
export const notFound = (message: string): XapiError => new XapiError(404, message);
export const conflict = (message: string): XapiError => new XapiError(409, message);
export const preconditionFailed = (message: string): XapiError => new XapiError(412, message);

export type XapiVersion = "1.0.3" | "2.0.0";
