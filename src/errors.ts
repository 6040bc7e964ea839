/** An error that maps to an HTTP status and a localized error page. */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    message: string,
    options?: { cause?: unknown; expose?: boolean },
  ) {
    super(message, options);
    this.expose = options?.expose ?? status < 500;
  }
  /** Whether the message may be shown to the visitor. */
  readonly expose: boolean;
}

/** A problem in one content file, found while loading; never thrown at render time. */
export class ContentError extends Error {
  override name = "ContentError";
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The index could not be opened, built or swapped. */
export class IndexError extends Error {
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
