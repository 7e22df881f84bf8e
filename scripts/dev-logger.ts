/**
 * The dev server's logger, minus the stack trace Vite prints when a proxied socket is reset:
 * every reload or closed tab drops the app's socket mid-stream, which is expected (the app
 * reconnects), not an error. Every other message, proxy errors included, is printed as before.
 */
import { createLogger, type Logger } from 'vite';

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE']);

export function isSocketReset(msg: string, error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return /ws proxy (socket )?error/.test(msg) && typeof code === 'string' && RESET_CODES.has(code);
}

export function quietSocketResets(logger: Logger = createLogger()): Logger {
  return {
    ...logger,
    error: (msg, opts) => {
      if (!isSocketReset(msg, opts?.error)) logger.error(msg, opts);
    },
  };
}
