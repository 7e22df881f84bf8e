/**
 * Single-key shortcuts, read from keydown events: "g" then a page's key goes to that page,
 * "t" switches theme, "z" the time zone, "?" lists them all, Ctrl/Cmd+K opens the palette.
 * Nothing fires while the trader types in a field or holds Alt/Ctrl/Meta (browser and screen
 * reader keys stay theirs). Pure, so the rules are tested as plain calls.
 */

export type ShortcutAction =
  | { type: 'palette' }
  | { type: 'help' }
  | { type: 'theme' }
  | { type: 'zone' }
  | { type: 'go'; key: string };

/** How long after "g" the page key still counts. */
export const SEQUENCE_MS = 1500;

/** The help overlay's list, beside the page shortcuts that come from the routes. */
export const GLOBAL_SHORTCUTS: readonly { keys: string[]; what: string }[] = [
  { keys: ['Ctrl', 'K'], what: 'Open the command palette (⌘K on a Mac)' },
  { keys: ['?'], what: 'Show these shortcuts' },
  { keys: ['t'], what: 'Switch between dark and light theme' },
  { keys: ['z'], what: 'Switch times between local and New York (ET)' },
  { keys: ['Esc'], what: 'Close the palette or this list' },
];

export type KeyEventLike = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
  timeStamp: number;
};

/** True for a field that takes typed text (where a letter is a letter, not a command). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(
    type,
  );
}

/** A reader with memory of a pending "g"; returns the action a key completes, if any. */
export function createShortcutReader(pageKeys: ReadonlySet<string>) {
  let pendingSince: number | undefined;
  return (e: KeyEventLike): ShortcutAction | undefined => {
    // The palette's chord works everywhere, fields included: it is how a field is left.
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k')
      return { type: 'palette' };
    if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) {
      pendingSince = undefined;
      return undefined;
    }
    const pending = pendingSince !== undefined && e.timeStamp - pendingSince <= SEQUENCE_MS;
    pendingSince = undefined;
    if (pending && pageKeys.has(e.key)) return { type: 'go', key: e.key };
    switch (e.key) {
      case 'g':
        pendingSince = e.timeStamp;
        return undefined;
      case '?':
        return { type: 'help' };
      case 't':
        return { type: 'theme' };
      case 'z':
        return { type: 'zone' };
      default:
        return undefined;
    }
  };
}
