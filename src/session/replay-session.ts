/**
 * A replay "session": instead of an endpoint and a token source it carries a ReplayPlayer,
 * which the socket provider hands to the ordinary AccountSocket as its WebSocket. Everything
 * past the transport — validation, dispatcher, stores, pages — is the live app, unchanged,
 * and no network connection of any kind is made.
 */
import type { AccountInfo } from '../protocol';
import { parseRecording, type RecordingHeader } from '../tools/recording/recording-format';
import {
  recordedAccounts,
  ReplayPlayer,
  REPLAY_SPEEDS,
  type ReplayProgress,
  type ReplaySpeed,
} from '../tools/recording/replay-player';
import type { Session } from './session';

export { REPLAY_SPEEDS };
export type { ReplayProgress, ReplaySpeed };

export type ReplayHandle = {
  fileName: string;
  header: RecordingHeader;
  /** From the recording's account snapshots: what the account switcher offers. */
  accounts: AccountInfo[];
  player: ReplayPlayer;
};

/** Reads a recording file into a session that replays it; throws a readable Error. */
export async function loadReplaySession(file: File): Promise<Session> {
  const recording = parseRecording(await file.text());
  if (!recording.entries.some((e) => e.d === 'in')) {
    throw new Error('the recording holds no received frames');
  }
  const replay: ReplayHandle = {
    fileName: file.name,
    header: recording.header,
    accounts: recordedAccounts(recording),
    player: new ReplayPlayer(recording),
  };
  return {
    endpoints: { wsUrl: `replay:${file.name}`, apiBase: '' },
    tokens: { getToken: async () => 'replay' },
    label: 'replay',
    replay,
  };
}
