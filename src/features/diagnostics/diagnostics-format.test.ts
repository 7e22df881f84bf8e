import { describe, expect, it } from 'vitest';
import { fileStamp, formatBytes, formatClock, formatRate } from './diagnostics-format';

describe('diagnostics formatting', () => {
  it('[DIAG-6] rates, sizes, recording positions and file names read as a trader expects', () => {
    expect(formatRate(0)).toBe('0');
    expect(formatRate(0.04)).toBe('0.04');
    expect(formatRate(12.345)).toBe('12.3');
    expect(formatRate(1204.4)).toBe('1,204');
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(4300)).toBe('4.2 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20.0 MB');
    expect(formatClock(988)).toBe('1.0 s');
    expect(formatClock(65_000)).toBe('1:05');
    expect(formatClock(3_725_000)).toBe('1:02:05');
    expect(fileStamp(Date.parse('2026-11-25T09:30:00.123Z'))).toBe('2026-11-25T09-30-00Z');
  });
});
