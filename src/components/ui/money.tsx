/** A money or P&L amount: tabular, right-aligned, signed and coloured when it is a gain/loss. */
import { formatMoney, signOf } from '../../lib/format';

const TONE = { positive: 'text-gain', negative: 'text-loss', zero: '' } as const;

export function Money({ value, pnl = false }: { value: string | undefined; pnl?: boolean }) {
  return (
    <span className={`num ${pnl ? TONE[signOf(value)] : ''}`}>
      {formatMoney(value, { signed: pnl })}
    </span>
  );
}
