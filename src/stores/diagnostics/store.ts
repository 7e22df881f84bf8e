/**
 * The diagnostics source of the current session (live or replay), registered by the session's
 * SessionDiagnostics (src/tools/diagnostics) and cleared at sign-out. The page pulls a report
 * from it on its own timer, so nothing is built while nobody is looking.
 */
import { createStore } from 'zustand/vanilla';
import type { DiagnosticsReport } from './report-types';
import type { RecorderState } from './report-types';

export type DiagnosticsSource = {
  report(): DiagnosticsReport;
  recorder(): RecorderState;
  startRecording(): void;
  stopRecording(): void;
  /** The recording as a file, once something was recorded. */
  recordingFile(): Blob | undefined;
};

export const diagnosticsStore = createStore<{ source: DiagnosticsSource | undefined }>()(() => ({
  source: undefined,
}));

export function setDiagnosticsSource(source: DiagnosticsSource | undefined): void {
  diagnosticsStore.setState({ source });
}
