import { describe, expect, it } from 'vitest';
import { clientMessages } from '../../protocol';
import { Recorder } from './recorder';
import { parseRecording } from './recording-format';

describe('recorder', () => {
  it('[REC-5] records in/out/open/close with times and socket numbers; outbound credentials redacted', () => {
    let now = 1_000;
    const rec = new Recorder({ now: () => now });
    rec.inbound('ignored: not recording yet', 1);
    rec.start();
    rec.opened(1);
    now += 5;
    rec.outbound(JSON.stringify(clientMessages.auth('auth-1', 'secret-token-value')), 1);
    now += 10;
    rec.inbound('{"type":"pong"}', 1);
    rec.inbound(new Uint8Array(3), 1);
    rec.closed(1, 1006, 'gone');
    rec.stop();
    const text = rec.fileParts()!.join('');
    expect(text).not.toContain('secret-token-value');
    const { header, entries } = parseRecording(text);
    expect(header.version).toBe(1);
    expect(entries.map((e) => e.d)).toEqual(['open', 'out', 'in', 'in', 'close', 'end']);
    expect(entries[2]).toEqual({ t: 15, c: 1, d: 'in', f: '{"type":"pong"}' });
    expect(entries[3]).toEqual({ t: 15, c: 1, d: 'in', bin: 3 });
    expect(rec.getState()).toMatchObject({ status: 'stopped', events: 5, capped: false });
  });

  it('[REC-6] at the size cap the recorder stops itself, says so, and the file still parses', () => {
    const rec = new Recorder({ maxBytes: 2_000 });
    rec.start();
    for (let i = 0; i < 1_000; i++) rec.inbound(`{"n":${i},"pad":"${'x'.repeat(40)}"}`, 1);
    const state = rec.getState();
    expect(state.status).toBe('stopped');
    if (state.status !== 'stopped') return;
    expect(state.capped).toBe(true);
    expect(state.reason).toMatch(/reached the 2\.0 KB size cap/);
    const text = rec.fileParts()!.join('');
    expect(text.length).toBeLessThanOrEqual(2_000 + 200); // + the end marker
    const { entries } = parseRecording(text);
    expect(entries.at(-1)).toMatchObject({ d: 'end' });
    expect(entries.length).toBe(state.events + 1);
  });

  it('[REC-7] a file that is not a recording is refused with a reason a trader can read', () => {
    expect(() => parseRecording('')).toThrow('the file is empty');
    expect(() => parseRecording('hello')).toThrow(/not JSON/);
    expect(() => parseRecording('{"a":1}')).toThrow(/not an Aries recording/);
    expect(() =>
      parseRecording('{"format":"aries-recording","version":9,"startedAt":"x"}'),
    ).toThrow(/unsupported recording version 9/);
    expect(() =>
      parseRecording('{"format":"aries-recording","version":1,"startedAt":"x"}\n{"t":-1}'),
    ).toThrow(/line 2/);
  });
});
