import { describe, expect, it } from 'vitest';
import { samplePosition } from '../../testing/store-samples';
import { topPositions } from './overview-page';

describe('topPositions', () => {
  it('[OVR-1] ranks by absolute market value, exactly (a large short ranks high)', () => {
    const list = [
      samplePosition({ symbol: 'A', marketValue: '1000.01' }),
      samplePosition({ symbol: 'B', marketValue: '-5000.00' }),
      samplePosition({ symbol: 'C', marketValue: '1000.02' }),
      samplePosition({ symbol: 'D', marketValue: '10.00' }),
    ];
    expect(topPositions(list, 3).map((p) => p.symbol)).toEqual(['B', 'C', 'A']);
  });
});
