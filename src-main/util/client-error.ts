/**
 * An error caused by what the caller asked for (unknown id, bad argument, conflicting state), not by a
 * fault of Biotrain. The bridge answers it with its 4xx status and message; anything else is a logged 5xx.
 */
export class ClientError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409 | 413 | 422 = 400,
  ) {
    super(message);
  }
}
