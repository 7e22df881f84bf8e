import { describe, expect, it } from 'vitest';
import { recordingListener } from '../../testing/fake-tabs';
import {
  accountSnapshotMsg,
  accountSub,
  metaFor,
  orderUpdateMsg,
  pnlSnapshotMsg,
  pnlSub,
  sampleAccountSnapshot,
  sampleOrder,
} from '../../testing/store-samples';
import type { ConnectionState } from '../types';
import { TabClient } from './tab-client';

const up: ConnectionState = { status: 'subscribed', expiresAt: 1, reason: 'live', since: 0 };
const down: ConnectionState = { status: 'connecting', attempt: 1, reason: 'takeover', since: 0 };

function setup() {
  const listener = recordingListener();
  const stale = listener.stale;
  const client = new TabClient(listener, { now: () => 5 });
  const messages = () => listener.heard.filter((h) => h.call === 'message');
  return { listener, client, stale, messages };
}

describe('tab client gate', () => {
  it('[TAB-4] a joining tab applies nothing of a key before its snapshot, then everything after it', () => {
    const { client, messages, listener } = setup();
    client.want(accountSub());
    expect(listener.heard).toContainEqual({ call: 'expect', key: 'account:A-10001' });
    client.onState(up);
    const sub = accountSub();
    client.onMessage('L', orderUpdateMsg(sampleOrder()), metaFor(sub));
    expect(messages()).toEqual([]);
    expect(client.missing()).toEqual(['account:A-10001']);
    client.onMessage('L', accountSnapshotMsg(sampleAccountSnapshot()), metaFor(sub));
    client.onMessage('L', orderUpdateMsg(sampleOrder()), metaFor(sub));
    expect(messages().map((m) => m.call === 'message' && m.kind)).toEqual(['subscribed', 'update']);
    expect(client.missing()).toEqual([]);
  });

  it('[TAB-5] another tab’s params for the same key are not this tab’s data: dropped, and a live key goes stale', () => {
    const { client, messages, stale } = setup();
    const mine = pnlSub('A-10001', '1m');
    const theirs = pnlSub('A-10001', '5m');
    client.want(mine);
    client.onState(up);
    client.onMessage('L', pnlSnapshotMsg([]), metaFor(mine));
    expect(messages()).toHaveLength(1);
    client.onMessage('L', pnlSnapshotMsg([]), metaFor(theirs));
    expect(messages()).toHaveLength(1);
    expect(stale).toEqual(['pnl:A-10001']);
    expect(client.missing()).toEqual(['pnl:A-10001']);
    // Its own params again (after a reclaim): live on the new snapshot.
    client.onMessage('L', pnlSnapshotMsg([]), metaFor(mine));
    expect(messages()).toHaveLength(2);
  });

  it('[TAB-6] after the link or the leader changes, updates wait for a new snapshot; connection ids only grow across leaders', () => {
    const { client, messages } = setup();
    const sub = accountSub();
    client.want(sub);
    client.onState(up);
    client.onMessage('L1', accountSnapshotMsg(sampleAccountSnapshot()), metaFor(sub, 7));
    client.onState(down);
    client.onState(up);
    client.onMessage('L2', orderUpdateMsg(sampleOrder()), metaFor(sub, 1));
    expect(messages()).toHaveLength(1); // the update before the new snapshot is dropped
    client.onMessage('L2', accountSnapshotMsg(sampleAccountSnapshot()), metaFor(sub, 1));
    client.onMessage('L1', orderUpdateMsg(sampleOrder()), metaFor(sub, 7)); // a straggler
    const ids = messages().map((m) => (m.call === 'message' ? m.connectionId : 0));
    expect(ids[1]).toBeGreaterThan(ids[0]!); // leader L2's connection 1 is newer than L1's 7
    expect(ids[2]).toBe(ids[0]); // the straggler keeps its old id: the dispatcher ignores it
  });

  it('[TAB-7] keys this tab does not want, and unsubscribe acks, never reach its dispatcher', () => {
    const { client, messages } = setup();
    client.onState(up);
    client.onMessage('L', accountSnapshotMsg(sampleAccountSnapshot()), metaFor(accountSub()));
    client.onMessage('L', { kind: 'unsubscribed', topic: 'account' }, metaFor(accountSub()));
    client.onMessage('L', { kind: 'error', code: 'RATE_LIMITED', message: 'slow down' }, metaFor());
    expect(messages().map((m) => m.call === 'message' && m.kind)).toEqual(['error']);
  });
});
