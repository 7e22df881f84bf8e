/**
 * What the page and the socket worker say to each other (worker-socket.ts ↔ socket-worker.ts):
 * one definition for both sides. Several sockets share the worker, so every message names its
 * socket by `id`.
 */
import type { NormalizeResult } from '../../protocol';

/** A frame as the socket received it, and, unless it is big or not text, already decoded. */
export type RelayedFrame = { data: unknown; decoded?: NormalizeResult };

export type PageToWorker =
  | { op: 'open'; id: number; url: string }
  | { op: 'send'; id: number; text: string }
  | { op: 'close'; id: number; code?: number; reason?: string };

export type WorkerToPage =
  | { op: 'open'; id: number }
  | { op: 'frames'; id: number; frames: RelayedFrame[] }
  | { op: 'close'; id: number; code: number; reason: string }
  /** The socket could not be created (a bad URL, a CSP refusal); a close follows. */
  | { op: 'error'; id: number; message: string };
