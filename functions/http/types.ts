/** The HTTP shapes every handler sees, whichever host (Azure Functions or the dev host) serves it. */

/** A request, already routed. `path` is the path after `/api`. */
export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  /** A header's value (case-insensitive name), or undefined. */
  header(name: string): string | undefined;
  /** `scheme://host[:port]` the request was sent to (for absolute links in answers). */
  readonly origin?: string;
  /** The body as UTF-8 text; rejects with TooLargeError above `limitBytes`. */
  readBody(limitBytes: number): Promise<string>;
}

export interface ApiResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON-encoded when present. */
  readonly body?: unknown;
  /** A file instead of JSON (`headers` then carry its Content-Type); `body` is ignored. */
  readonly bytes?: Uint8Array;
}
