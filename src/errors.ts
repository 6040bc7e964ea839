// Every error the portal throws on purpose extends AppError (a message and, where there
// is one, the `cause` it wraps), and `mapError` is the one place that says what each
// means to a request: its status, whether its message may be shown, whether it is logged.

/** The base of the portal's own errors. */
export class AppError extends Error {
  override name = "AppError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** An error that maps to an HTTP status and a localized error page. */
export class HttpError extends AppError {
  override name = "HttpError";
  /** Whether the message may be shown to the reader (the API's `detail`); by default for 4xx only. */
  readonly expose: boolean;
  constructor(
    readonly status: number,
    message: string,
    options?: { cause?: unknown; expose?: boolean },
  ) {
    super(message, options);
    this.expose = options?.expose ?? status < 500;
  }
}

/** The index could not be opened, built or swapped. */
export class IndexError extends AppError {
  override name = "IndexError";
}

/**
 * The content folder holds no content file at all while the index has some: an unmounted
 * volume, a checkout in progress, CONTENT_DIR pointed at the wrong folder. The sync is
 * refused and the site keeps what it had (the index is not emptied).
 */
export class ContentGoneError extends IndexError {
  override name = "ContentGoneError";
}

/** Statuses with a page and a title of their own (error.<status>.title); others use their class's. */
const TEMPLATED = new Set([400, 404, 429, 500, 503]);

/** The status whose localized page and title stand for `status`. */
export function errorTemplate(status: number): number {
  return TEMPLATED.has(status) ? status : status >= 500 ? 500 : 400;
}

export interface MappedError {
  /** The response status. */
  readonly status: number;
  /** The status whose localized page (and title) is shown: `status` or its class's. */
  readonly template: number;
  /** The message the reader may see (HttpError.expose), else undefined. */
  readonly detail: string | undefined;
  /** Only the unexpected is logged: "error" for a failure of ours, "warn" for unavailable, null for the reader's mistakes. */
  readonly log: "error" | "warn" | null;
}

/**
 * What an error means to a request. `damaged`: the index file was found damaged (a
 * rebuild is starting), which is a 503. Errors from Express and its body parsers carry a
 * `status` of their own (a malformed URI is a 400).
 */
export function mapError(err: unknown, damaged = false): MappedError {
  const foreign = (err as { status?: unknown; statusCode?: unknown } | null) ?? {};
  const raw = err instanceof HttpError ? err.status : damaged ? 503 : Number(foreign.status ?? foreign.statusCode ?? 500);
  const status = Number.isInteger(raw) && raw >= 400 && raw < 600 ? raw : 500;
  const template = errorTemplate(status);
  const detail = err instanceof HttpError && err.expose ? err.message : undefined;
  return { status, template, detail, log: status === 503 ? "warn" : status >= 500 ? "error" : null };
}
