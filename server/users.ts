/** Demo users of the embedded server (documented in the README). */
import type { UserRecord } from './sim/types';

export const DEMO_USERS: readonly UserRecord[] = [
  { userId: 'u-1001', username: 'demo', password: 'demo', accountIds: ['A-10001', 'A-10002'] },
  { userId: 'u-2002', username: 'other', password: 'other', accountIds: ['A-20001'] },
];
