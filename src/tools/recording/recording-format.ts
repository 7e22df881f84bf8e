/**
 * The recording file: JSON Lines. The first line is a header naming the format and version;
 * every other line is one event of the session, in the order it happened:
 *
 *   {"format":"aries-recording","version":1,"startedAt":"2026-11-25T09:30:00.000Z",…}
 *   {"t":0,"c":1,"d":"open"}                                   socket n° c opened
 *   {"t":3,"c":1,"d":"out","f":"{\"type\":\"request\",…\"token\":\"[redacted]\"…}"}
 *   {"t":9,"c":1,"d":"in","f":"{\"type\":\"event\",…}"}        a frame exactly as received
 *   {"t":9,"c":1,"d":"in","bin":4}                             a binary frame of 4 bytes
 *   {"t":60000,"c":1,"d":"close","code":1012,"reason":"…"}
 *   {"t":61000,"d":"end","reason":"stopped by the user"}
 *
 * `t` is milliseconds since `startedAt`; `c` numbers the sockets of the recorded session.
 * JSON Lines so a 20 MB file can be read, grepped and cut with ordinary tools.
 */
import { z } from 'zod';

export const RECORDING_FORMAT = 'aries-recording';
export const RECORDING_VERSION = 1;

export const RecordingHeaderSchema = z.object({
  format: z.literal(RECORDING_FORMAT),
  version: z.literal(RECORDING_VERSION),
  startedAt: z.string(),
  /** What the recording holds and what was removed, for whoever opens the file. */
  note: z.string().optional(),
  app: z.string().optional(),
  maxBytes: z.number().optional(),
});
export type RecordingHeader = z.infer<typeof RecordingHeaderSchema>;

const t = z.number().finite().nonnegative();
const c = z.number().int().nonnegative();
export const RecordingEntrySchema = z.union([
  z.object({ t, c, d: z.literal('in'), f: z.string() }),
  z.object({ t, c, d: z.literal('in'), bin: z.number().int().nonnegative() }),
  z.object({ t, c, d: z.literal('out'), f: z.string() }),
  z.object({ t, c, d: z.literal('open') }),
  z.object({ t, c, d: z.literal('close'), code: z.number().int(), reason: z.string() }),
  z.object({ t, d: z.literal('end'), reason: z.string() }),
]);
export type RecordingEntry = z.infer<typeof RecordingEntrySchema>;

export type Recording = { header: RecordingHeader; entries: RecordingEntry[] };

/** Parses a recording file; throws an Error a trader can read, naming the bad line. */
export function parseRecording(text: string): Recording {
  const lines = text.split('\n');
  let header: RecordingHeader | undefined;
  const entries: RecordingEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`line ${i + 1} is not JSON: this is not an Aries recording`);
    }
    if (!header) {
      const h = RecordingHeaderSchema.safeParse(value);
      if (!h.success) {
        const v = value as { format?: unknown; version?: unknown };
        throw new Error(
          v?.format === RECORDING_FORMAT
            ? `unsupported recording version ${String(v.version)} (this app reads version ${RECORDING_VERSION})`
            : 'not an Aries recording (the first line must be its header)',
        );
      }
      header = h.data;
      continue;
    }
    const e = RecordingEntrySchema.safeParse(value);
    if (!e.success) throw new Error(`line ${i + 1} is not a recording event`);
    entries.push(e.data);
  }
  if (!header) throw new Error('the file is empty');
  return { header, entries };
}

export function serializeHeader(header: RecordingHeader): string {
  return JSON.stringify(header);
}
