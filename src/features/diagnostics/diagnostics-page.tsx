/**
 * Connection diagnostics: what a support engineer asks a trader for. Message rates per topic,
 * the current subscriptions, invalid frames with their reason, the connection's history, the
 * ping round trips — and "Copy diagnostics", the same as one redacted JSON document.
 */
import { useState } from 'react';
import { formatDateTime, formatTime, zoneLabel } from '../../lib/time';
import { useDisplayZone } from '../../lib/display-zone';
import {
  useBehindMs,
  useDiagnosticsReport,
  useShedCount,
  type DiagnosticsReport,
} from '../../stores';
import {
  downloadBlob,
  fileStamp,
  formatBytes,
  formatRate,
  reportText,
  STATUS_LABEL,
} from './diagnostics-format';
import { RecordingPanel } from './recording-panel';
import { RttChart } from './rtt-chart';

const panel = 'rounded border border-border bg-panel p-3';
const th = 'px-2 py-1 font-medium text-muted';
const td = 'px-2 py-1';

type Column = string | { label: string; numeric: true };

/** One header row for the page's tables; numeric columns align right like their cells. */
function ColumnHeads({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr className="border-b border-border text-left">
        {columns.map((c) =>
          typeof c === 'string' ? (
            <th key={c} scope="col" className={th}>
              {c}
            </th>
          ) : (
            <th key={c.label} scope="col" className={`${th} text-right`}>
              {c.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

function Summary({ report }: { report: DiagnosticsReport }) {
  const zone = useDisplayZone();
  const c = report.connection;
  const dropped = Object.values(report.drops).reduce((a, b) => a + b, 0);
  const behindMs = useBehindMs();
  const shed = useShedCount();
  const facts: Array<[string, string]> = [
    ['State', STATUS_LABEL[c.state.status] ?? c.state.status],
    ['Why', c.state.reason],
    ['Since', formatDateTime(c.state.since, zone)],
    ['Socket', report.session.socketUrl],
  ];
  const counters: Array<[string, string]> = [
    ['Connection n°', String(c.connectionId)],
    ['Frames received', c.framesReceived.toLocaleString('en-US')],
    ['Frames per second', formatRate(report.rates.framesPerSecond)],
    ['Reconnects', String(c.reconnects)],
    ['Resubscribes (seq gaps)', String(c.resubscribes)],
    ['Dropped or ignored', dropped.toLocaleString('en-US')],
    ['Last round trip', c.rttMs === undefined ? '—' : `${c.rttMs} ms`],
    ['Behind the server', behindMs === undefined ? 'no' : `${(behindMs / 1000).toFixed(1)} s`],
    ['Highlights shed while behind', shed.toLocaleString('en-US')],
  ];
  return (
    <section aria-labelledby="diag-summary" className={panel}>
      <h2 id="diag-summary" className="mb-2 text-sm font-semibold">
        Connection
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted">{label}</dt>
            <dd className="break-all" data-testid={`diag-${label}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <dl className="mt-3 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 border-t border-border pt-3 text-sm sm:max-w-xs">
        {counters.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted">{label}</dt>
            <dd className="num" data-testid={`diag-${label}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Rates({ rates }: { rates: DiagnosticsReport['rates'] }) {
  return (
    <section aria-labelledby="diag-rates" className={panel}>
      <h2 id="diag-rates" className="mb-2 text-sm font-semibold">
        Messages per topic{' '}
        <span className="font-normal text-muted">(rate over the last {rates.windowSeconds} s)</span>
      </h2>
      <table className="w-full text-sm" data-testid="diag-rates">
        <ColumnHeads
          columns={[
            'Topic',
            { label: 'Per second', numeric: true },
            { label: 'Updates', numeric: true },
            { label: 'Snapshots', numeric: true },
            { label: 'Errors', numeric: true },
          ]}
        />
        <tbody>
          {rates.topics.map((r) => (
            <tr key={r.topic} data-topic={r.topic} className="border-b border-border/50">
              <th scope="row" className={`${td} text-left font-mono font-normal`}>
                {r.topic}
              </th>
              <td className={`${td} num text-right`} data-testid={`rate-${r.topic}`}>
                {formatRate(r.perSecond)}
              </td>
              <td className={`${td} num text-right`} data-testid={`updates-${r.topic}`}>
                {r.updates.toLocaleString('en-US')}
              </td>
              <td className={`${td} num text-right`}>{r.snapshots.toLocaleString('en-US')}</td>
              <td className={`${td} num text-right`}>{r.errors.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Subscriptions({ rows }: { rows: DiagnosticsReport['subscriptions'] }) {
  return (
    <section aria-labelledby="diag-subs" className={panel}>
      <h2 id="diag-subs" className="mb-2 text-sm font-semibold">
        Current subscriptions <span className="num font-normal text-muted">({rows.length})</span>
      </h2>
      <table className="w-full text-sm" data-testid="diag-subscriptions">
        <ColumnHeads
          columns={['Stream', 'Params', 'Server', 'Data', { label: 'Last seq', numeric: true }]}
        />
        <tbody>
          {rows.map((s) => (
            <tr key={s.key} data-key={s.key} className="border-b border-border/50">
              <th scope="row" className={`${td} text-left font-mono font-normal`}>
                {s.key}
              </th>
              <td className={`${td} font-mono text-xs break-all`}>{JSON.stringify(s.params)}</td>
              <td className={`${td} ${s.status === 'error' ? 'text-loss' : ''}`}>
                {s.status === 'active'
                  ? 'Acknowledged'
                  : s.status === 'pending'
                    ? 'Waiting for ack'
                    : `Refused: ${s.code} — ${s.message}`}
              </td>
              <td className={td}>{s.freshness}</td>
              <td className={`${td} num text-right`}>{s.lastSeq ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function InvalidFrames({ report }: { report: DiagnosticsReport }) {
  const zone = useDisplayZone();
  const { total, recent } = report.invalidFrames;
  const counts = Object.entries(report.drops).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section aria-labelledby="diag-invalid" className={panel}>
      <h2 id="diag-invalid" className="mb-2 text-sm font-semibold">
        Invalid frames{' '}
        <span className="num font-normal text-muted">
          ({total.toLocaleString('en-US')}
          {total > recent.length ? `; the last ${recent.length} kept` : ''})
        </span>
      </h2>
      {counts.length > 0 && (
        <p className="mb-2 text-sm text-muted" data-testid="diag-drop-counts">
          Dropped or ignored by reason:{' '}
          {counts.map(([reason, n], i) => (
            <span key={reason}>
              {i > 0 && ', '}
              <span className="font-mono">{reason}</span> <span className="num">{n}</span>
            </span>
          ))}
        </p>
      )}
      {recent.length === 0 ? (
        <p className="text-sm text-muted">No invalid frames on this session.</p>
      ) : (
        <div className="max-h-80 overflow-auto">
          <table className="w-full text-sm" data-testid="diag-invalid">
            <ColumnHeads
              columns={[`Time ${zoneLabel(zone)}`, 'Reason', 'Detail', 'Frame (excerpt, redacted)']}
            />
            <tbody>
              {[...recent].reverse().map((f, i) => (
                <tr key={`${f.at}-${i}`} className="border-b border-border/50 align-top">
                  <td className={`${td} whitespace-nowrap tabular-nums`}>
                    {formatTime(f.at, zone)}
                  </td>
                  <td className={`${td} font-mono whitespace-nowrap text-warn`}>{f.reason}</td>
                  <td className={`${td} break-all`}>{f.detail}</td>
                  <td className={td}>
                    <code className="block max-w-xl text-xs break-all whitespace-pre-wrap">
                      {f.excerpt}
                    </code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function History({ history }: { history: DiagnosticsReport['history'] }) {
  const zone = useDisplayZone();
  return (
    <section aria-labelledby="diag-history" className={panel}>
      <h2 id="diag-history" className="mb-2 text-sm font-semibold">
        Connection history{' '}
        <span className="num font-normal text-muted">
          ({history.total}
          {history.total > history.kept ? `; the last ${history.kept} kept` : ''})
        </span>
      </h2>
      <div className="max-h-80 overflow-auto">
        <table className="w-full text-sm" data-testid="diag-history">
          <ColumnHeads columns={[`Time ${zoneLabel(zone)}`, 'State', 'Why']} />
          <tbody>
            {[...history.recent].reverse().map((h, i) => (
              <tr key={`${h.at}-${i}`} className="border-b border-border/50">
                <td className={`${td} whitespace-nowrap tabular-nums`}>{formatTime(h.at, zone)}</td>
                <td
                  className={`${td} ${h.status === 'reconnecting' || h.status === 'disconnected' ? 'text-loss' : ''}`}
                >
                  {STATUS_LABEL[h.status] ?? h.status}
                </td>
                <td className={td}>{h.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CopyButton({ report }: { report: DiagnosticsReport }) {
  const [message, setMessage] = useState('');
  async function copy() {
    const text = reportText(report);
    try {
      await navigator.clipboard.writeText(text);
      setMessage(`Copied ${formatBytes(text.length)} of diagnostics (no credentials).`);
    } catch {
      // No clipboard (permission, insecure context): support still gets the same document.
      const name = `aries-diagnostics-${fileStamp(Date.now())}.json`;
      downloadBlob(new Blob([text], { type: 'application/json' }), name);
      setMessage(`The browser refused the clipboard; saved ${name} instead.`);
    }
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={() => void copy()}
        className="rounded bg-accent px-3 py-1 text-sm font-medium text-surface"
      >
        Copy diagnostics
      </button>
      <span role="status" className="text-sm text-muted">
        {message}
      </span>
    </div>
  );
}

/** The session's, not an account's: the same page for one account or every account. */
export function DiagnosticsPage(_props: object) {
  const { source, report, recorder, refresh } = useDiagnosticsReport();
  return (
    <section aria-labelledby="diag-title" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="diag-title" className="text-lg font-semibold">
          Connection diagnostics
        </h1>
        {report && <CopyButton report={report} />}
      </div>
      {!report || !recorder || !source ? (
        <p className="text-muted">No session to diagnose.</p>
      ) : (
        <>
          <div className="grid gap-4 lg:grid-cols-2">
            <Summary report={report} />
            <div className="space-y-4">
              <Rates rates={report.rates} />
              <section aria-labelledby="diag-rtt" className={panel}>
                <h2 id="diag-rtt" className="mb-2 text-sm font-semibold">
                  Round-trip time
                </h2>
                <RttChart rtt={report.rtt} />
              </section>
            </div>
          </div>
          <RecordingPanel source={source} recorder={recorder} refresh={refresh} />
          <Subscriptions rows={report.subscriptions} />
          <InvalidFrames report={report} />
          <History history={report.history} />
        </>
      )}
    </section>
  );
}
