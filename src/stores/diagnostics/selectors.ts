/** Hooks for the diagnostics page: the session's source, and a report refreshed on a timer. */
import { useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { DiagnosticsReport } from './report-types';
import type { RecorderState } from './report-types';
import { diagnosticsStore, type DiagnosticsSource } from './store';

export function useDiagnosticsSource(): DiagnosticsSource | undefined {
  return useStore(diagnosticsStore, (s) => s.source);
}

/** A fresh report every `everyMs` while mounted (rates are 1 s samples; faster adds nothing). */
export function useDiagnosticsReport(everyMs = 1000): {
  source: DiagnosticsSource | undefined;
  report: DiagnosticsReport | undefined;
  recorder: RecorderState | undefined;
  /** Re-read now (after a command such as starting a recording). */
  refresh: () => void;
} {
  const source = useDiagnosticsSource();
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!source) return;
    const t = setInterval(() => setTick((n) => n + 1), everyMs);
    return () => clearInterval(t);
  }, [source, everyMs]);
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  return { source, report: source?.report(), recorder: source?.recorder(), refresh };
}
