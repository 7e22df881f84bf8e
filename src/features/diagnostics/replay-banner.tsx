/**
 * The persistent "REPLAY — not live" banner of a replay session, on every page: what is being
 * replayed, how far, at what speed (1×, 10×, as fast as possible), and the way out.
 */
import { useEffect, useState } from 'react';
import { Segmented } from '../../components/ui/segmented';
import { formatDateTime } from '../../lib/time';
import { useDisplayZone } from '../../lib/display-zone';
import type { ReplayHandle, ReplaySpeed } from '../../session/replay-session';
import { formatClock } from './diagnostics-format';

// Types only from the replay module: it loads on demand, not with the shell.
const SPEEDS: readonly ReplaySpeed[] = [1, 10, 'max'];
const speedLabel = (s: ReplaySpeed) => (s === 'max' ? 'Max' : `${s}×`);

export function ReplayBanner({ replay, onExit }: { replay: ReplayHandle; onExit: () => void }) {
  const zone = useDisplayZone();
  const [progress, setProgress] = useState(() => replay.player.progress());
  useEffect(() => {
    const t = setInterval(() => setProgress(replay.player.progress()), 250);
    return () => clearInterval(t);
  }, [replay]);
  const state =
    progress.status === 'finished'
      ? 'Replay finished'
      : progress.status === 'waiting'
        ? 'Waiting for the app to connect'
        : 'Playing';
  return (
    <section
      aria-label="Replay"
      data-testid="replay-banner"
      className="sticky top-0 z-10 flex flex-wrap items-center gap-x-4 gap-y-2 border-b-2 border-warn bg-panel px-4 py-2 text-sm"
    >
      <strong className="rounded bg-warn px-2 py-0.5 tracking-wide text-surface">
        REPLAY — not live
      </strong>
      <span className="max-w-sm truncate text-muted" title={replay.fileName}>
        Recorded {formatDateTime(replay.header.startedAt, zone)} · {replay.fileName}
      </span>
      <span className="num" data-testid="replay-progress">
        {state}: {formatClock(progress.positionMs)} of {formatClock(progress.durationMs)} ·{' '}
        {progress.delivered.toLocaleString('en-US')} of {progress.total.toLocaleString('en-US')}{' '}
        frames
      </span>
      <Segmented
        label="Replay speed"
        options={SPEEDS.map(String) as readonly string[]}
        value={String(progress.speed)}
        onChange={(v) => {
          replay.player.setSpeed(v === 'max' ? 'max' : (Number(v) as ReplaySpeed));
          setProgress(replay.player.progress());
        }}
        render={(v) => speedLabel(v === 'max' ? 'max' : (Number(v) as ReplaySpeed))}
      />
      <button
        type="button"
        onClick={onExit}
        className="ml-auto rounded border border-border px-2 py-1"
      >
        Exit replay
      </button>
    </section>
  );
}
