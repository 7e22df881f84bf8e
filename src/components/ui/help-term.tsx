/**
 * A term with its definition on hover and on keyboard focus (WCAG 1.4.13: the tip stays while
 * hovered, Escape dismisses it). The definition is also the term's accessible description.
 */
import { useId, useState, type ReactNode } from 'react';

export function HelpTerm({
  children,
  help,
  align = 'start',
}: {
  children: ReactNode;
  help: string;
  /** Which edge of the term the tip lines up with: 'end' for terms near the page's right edge. */
  align?: 'start' | 'end';
}) {
  const id = useId();
  const [dismissed, setDismissed] = useState(false);
  return (
    <span
      className="group relative inline-block"
      onMouseLeave={() => setDismissed(false)}
      onBlur={() => setDismissed(false)}
    >
      <span
        tabIndex={0}
        aria-describedby={id}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setDismissed(true);
        }}
        className="cursor-help rounded border-b border-dotted border-muted"
      >
        {children}
      </span>
      <span
        id={id}
        role="tooltip"
        className={`pointer-events-none absolute bottom-full ${align === 'end' ? 'right-0' : 'left-0'} z-20 mb-1 w-64 rounded border border-border bg-surface p-2 text-xs font-normal text-text shadow-lg ${
          dismissed ? 'hidden' : 'invisible group-hover:visible group-focus-within:visible'
        }`}
      >
        {help}
      </span>
    </span>
  );
}
