/**
 * A start that cannot work for a reason outside the code (a port taken, a missing user, a full disk): its message is
 * one line naming the cause and the fix, and the entry points print just that line (no stack) and exit non-zero.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' ').trim());
    this.name = 'StartupError';
    // the cause is outside the code: where it was thrown from helps nobody (jest, too, prints just this line)
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** What an entry point prints for an error that ends it: the one line of a StartupError, anything else in full. */
export function describeFatal(error: unknown): string {
  if (error instanceof StartupError) return error.message;
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}
