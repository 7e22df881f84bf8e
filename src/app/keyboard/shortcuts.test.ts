import { describe, expect, it } from 'vitest';
import { createShortcutReader, isTypingTarget, SEQUENCE_MS, type KeyEventLike } from './shortcuts';

const key = (k: string, at: number, more: Partial<KeyEventLike> = {}): KeyEventLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: null,
  timeStamp: at,
  ...more,
});

const field = (tag: string, type = 'text') =>
  ({ tagName: tag, type, isContentEditable: false, closest: () => null }) as unknown as EventTarget;

describe('keyboard shortcuts', () => {
  it('[KEY-1] g then a page key goes to that page, only within the sequence window', () => {
    const read = createShortcutReader(new Set(['o', 'p']));
    expect(read(key('g', 0))).toBeUndefined();
    expect(read(key('o', 100))).toEqual({ type: 'go', key: 'o' });
    // A page key alone does nothing; a late one neither.
    expect(read(key('o', 200))).toBeUndefined();
    read(key('g', 1000));
    expect(read(key('p', 1000 + SEQUENCE_MS + 1))).toBeUndefined();
  });

  it('[KEY-2] single keys: ? help, t theme, z zone; Ctrl/Cmd+K the palette', () => {
    const read = createShortcutReader(new Set());
    expect(read(key('?', 0))).toEqual({ type: 'help' });
    expect(read(key('t', 0))).toEqual({ type: 'theme' });
    expect(read(key('z', 0))).toEqual({ type: 'zone' });
    expect(read(key('k', 0, { ctrlKey: true }))).toEqual({ type: 'palette' });
    expect(read(key('K', 0, { metaKey: true }))).toEqual({ type: 'palette' });
    expect(read(key('t', 0, { altKey: true }))).toBeUndefined();
    expect(read(key('t', 0, { ctrlKey: true }))).toBeUndefined();
  });

  it('[KEY-3] nothing fires while typing in a field, except the palette chord', () => {
    const read = createShortcutReader(new Set(['o']));
    const input = field('INPUT');
    expect(read(key('t', 0, { target: input }))).toBeUndefined();
    expect(read(key('?', 0, { target: field('TEXTAREA') }))).toBeUndefined();
    expect(read(key('g', 0, { target: input }))).toBeUndefined();
    expect(read(key('o', 10))).toBeUndefined();
    expect(read(key('k', 0, { target: input, ctrlKey: true }))).toEqual({ type: 'palette' });
    // Buttons and checkboxes take no text: shortcuts still work there.
    expect(isTypingTarget(field('INPUT', 'checkbox'))).toBe(false);
    expect(isTypingTarget(field('BUTTON'))).toBe(false);
    expect(isTypingTarget(field('SELECT'))).toBe(true);
  });
});
