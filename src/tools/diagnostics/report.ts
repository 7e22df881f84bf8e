/**
 * The support report: one JSON document with everything the diagnostics page shows, built on
 * demand (page timer, "Copy diagnostics"), never per message. Credentials are never in it: it
 * holds no token source, and the whole document is run through the redactor before it leaves.
 */
import { redactValue } from '../recording/redact';
import type { DiagnosticsReport } from '../../stores/diagnostics/report-types';

/** The report as it may leave the page: every secret-named field and JWT-shaped string gone. */
export function redactedReport(report: DiagnosticsReport): DiagnosticsReport {
  return redactValue(report) as DiagnosticsReport;
}

/** Strips the query and fragment from a socket URL: a token must never ride along in one. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return url.replace(/[?#].*$/, '');
  }
}
