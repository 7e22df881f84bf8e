/**
 * The `?` overlay: every shortcut in one list. A native modal <dialog>, so the page behind is
 * inert and Esc closes it; Tab wraps inside it (a modal dialog would let it out to the browser's
 * own controls), and focus goes back where it was.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { PAGE_ROUTES } from '../routes';
import { GLOBAL_SHORTCUTS } from './shortcuts';

const Keys = ({ keys }: { keys: readonly string[] }) => (
  <span className="flex items-center gap-1">
    {keys.map((k, i) => (
      <kbd
        key={i}
        className="min-w-6 rounded border border-border bg-surface px-1.5 py-0.5 text-center font-mono text-xs"
      >
        {k}
      </kbd>
    ))}
  </span>
);

export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el || !open) return;
    const back = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    el.showModal();
    return () => {
      if (el.open) el.close();
      back?.focus();
    };
  }, [open]);
  const wrapTab = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab') return;
    const focusable = [
      ...e.currentTarget.querySelectorAll<HTMLElement>('button, [href], [tabindex="0"]'),
    ];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    const leaving = e.shiftKey
      ? document.activeElement === first || document.activeElement === e.currentTarget
      : document.activeElement === last;
    if (!leaving) return;
    e.preventDefault();
    (e.shiftKey ? last : first).focus();
  };
  const rows = [
    ...GLOBAL_SHORTCUTS,
    ...PAGE_ROUTES.map((r) => ({ keys: ['g', r.key], what: `Go to ${r.label}` })),
  ];
  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      onKeyDown={wrapTab}
      className="m-auto w-[min(34rem,calc(100vw-2rem))] rounded-lg border border-border bg-panel p-0 text-text shadow-2xl backdrop:bg-black/50"
    >
      <div className="flex items-center justify-between border-b border-border px-4 py-3">
        <h2 id="shortcuts-title" className="font-semibold">
          Keyboard shortcuts
        </h2>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close keyboard shortcuts"
          className="rounded border border-border px-2 py-0.5 text-sm"
        >
          Esc
        </button>
      </div>
      <p className="px-4 pt-3 text-sm text-muted">
        Single keys work anywhere but in a text field. “g” then a letter goes to a page.
      </p>
      <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 px-4 py-3 text-sm">
        {rows.map((r) => (
          <div key={r.what} className="contents">
            <dt>
              <Keys keys={r.keys} />
            </dt>
            <dd>{r.what}</dd>
          </div>
        ))}
      </dl>
    </dialog>
  );
}
