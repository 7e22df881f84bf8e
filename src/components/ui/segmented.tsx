/** A row of toggle buttons choosing one value (aria-pressed marks the chosen one). */
import type { ReactNode } from 'react';

export function Segmented<T extends string>({
  label,
  options,
  value,
  onChange,
  render = (o) => o,
}: {
  /** The group's accessible name ("Interval"). */
  label: string;
  options: readonly T[];
  /** Chosen option; undefined when none is (e.g. a custom filter). */
  value: T | undefined;
  onChange: (v: T) => void;
  render?: (o: T) => ReactNode;
}) {
  return (
    <div
      role="group"
      aria-label={label}
      className="flex overflow-hidden rounded border border-border"
    >
      {options.map((o) => (
        <button
          key={o}
          type="button"
          aria-pressed={value === o}
          onClick={() => onChange(o)}
          className={`px-2.5 py-1 text-sm ${value === o ? 'bg-accent/20 font-semibold text-text' : 'text-muted hover:text-text'}`}
        >
          {render(o)}
        </button>
      ))}
    </div>
  );
}
