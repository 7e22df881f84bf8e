/**
 * Record the session's traffic to a file (credentials redacted, size-capped) and replay a file.
 * Replaying ends the live session: the app then runs on the recording alone, with no network.
 */
import { useState } from 'react';
import { loadReplaySession } from '../../session/replay-session';
import { useSession } from '../../session/session';
import { formatDuration } from '../../lib/time';
import type { DiagnosticsSource, RecorderState } from '../../stores';
import { downloadBlob, fileStamp, formatBytes as sizeText } from './diagnostics-format';

const button = 'rounded border border-border px-3 py-1 text-sm disabled:opacity-50';

function describe(state: RecorderState, now: number): string {
  switch (state.status) {
    case 'idle':
      return `Not recording. A recording keeps every frame received and sent (credentials removed), up to ${sizeText(state.maxBytes)}.`;
    case 'recording':
      return `Recording for ${formatDuration(now - state.startedAt)}: ${state.events.toLocaleString('en-US')} events, ${sizeText(state.bytes)} of ${sizeText(state.maxBytes)}.`;
    case 'stopped':
      return `${state.capped ? state.reason : `Recording stopped (${state.reason}).`} ${state.events.toLocaleString('en-US')} events, ${sizeText(state.bytes)}, ${formatDuration(state.stoppedAt - state.startedAt)}.`;
  }
}

export function RecordingPanel({
  source,
  recorder,
  refresh,
}: {
  source: DiagnosticsSource;
  recorder: RecorderState;
  refresh: () => void;
}) {
  const { signIn } = useSession();
  const [replayError, setReplayError] = useState<string>();
  const recording = recorder.status === 'recording';

  function toggle() {
    if (recording) source.stopRecording();
    else source.startRecording();
    refresh();
  }

  function save() {
    const blob = source.recordingFile();
    if (!blob || recorder.status === 'idle') return;
    downloadBlob(blob, `aries-recording-${fileStamp(recorder.startedAt)}.jsonl`);
  }

  async function replay(file: File | undefined) {
    if (!file) return;
    setReplayError(undefined);
    try {
      signIn(await loadReplaySession(file));
    } catch (e) {
      setReplayError(`Cannot replay ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <section aria-labelledby="diag-recording" className="rounded border border-border bg-panel p-3">
      <h2 id="diag-recording" className="mb-2 text-sm font-semibold">
        Record and replay
      </h2>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          aria-pressed={recording}
          onClick={toggle}
          className={`${button} ${recording ? 'border-loss text-loss' : ''}`}
        >
          <span
            aria-hidden
            className={`mr-1.5 inline-block h-2 w-2 rounded-full ${recording ? 'animate-pulse bg-loss' : 'bg-muted'}`}
          />
          Record
        </button>
        <button
          type="button"
          onClick={save}
          disabled={recorder.status === 'idle' || recorder.events === 0}
          className={button}
        >
          Save recording
        </button>
        <label
          className={`${button} cursor-pointer focus-within:outline-2 focus-within:outline-accent`}
        >
          Replay a recording…
          <input
            type="file"
            accept=".jsonl,.ndjson,.json,application/x-ndjson"
            className="sr-only"
            onChange={(e) => void replay(e.currentTarget.files?.[0])}
          />
        </label>
      </div>
      <p
        role="status"
        data-testid="recording-status"
        className={`mt-2 text-sm ${recorder.status === 'stopped' && recorder.capped ? 'text-warn' : 'text-muted'}`}
      >
        {describe(recorder, Date.now())}
      </p>
      {replayError && (
        <p role="alert" className="mt-2 text-sm text-loss">
          {replayError}
        </p>
      )}
    </section>
  );
}
