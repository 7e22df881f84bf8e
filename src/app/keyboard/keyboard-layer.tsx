/**
 * Keyboard first, on every page: reads the shortcuts from keydown on the document and owns the
 * command palette and the shortcuts overlay.
 */
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { accountSearch } from '../../lib/url-params';
import { toggleDisplayZone } from '../../lib/display-zone';
import { PAGE_ROUTES } from '../routes';
import { toggleTheme } from '../shell/theme';
import { CommandPalette, type PaletteAccount } from './command-palette';
import { createShortcutReader } from './shortcuts';
import { ShortcutsHelp } from './shortcuts-help';

/** A key pressed inside another dialog (alerts panel, the overlay) belongs to that dialog. */
const inDialog = (target: EventTarget | null): boolean =>
  target instanceof Element && !!target.closest('dialog, [role="dialog"]');

export function KeyboardLayer({
  accountId,
  accounts,
}: {
  accountId: string | undefined;
  accounts: readonly PaletteAccount[];
}) {
  const [palette, setPalette] = useState(false);
  // Where focus was when the palette opened: it goes back there when the palette closes.
  const back = useRef<HTMLElement | null>(null);
  const [help, setHelp] = useState(false);
  const navigate = useNavigate();
  // One reader for the layer's life: a pending "g" survives the re-renders a navigation causes.
  const [read] = useState(() => createShortcutReader(new Set(PAGE_ROUTES.map((r) => r.key))));

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const action = read(e);
      if (!action) return;
      if (action.type === 'palette') {
        e.preventDefault();
        setHelp(false);
        setPalette((open) => {
          if (!open && document.activeElement instanceof HTMLElement)
            back.current = document.activeElement;
          return !open;
        });
        return;
      }
      if (inDialog(e.target)) return;
      e.preventDefault();
      switch (action.type) {
        case 'help':
          setHelp(true);
          break;
        case 'theme':
          toggleTheme();
          break;
        case 'zone':
          toggleDisplayZone();
          break;
        case 'go': {
          const route = PAGE_ROUTES.find((r) => r.key === action.key);
          if (route)
            navigate({ pathname: route.path, search: accountId ? accountSearch(accountId) : '' });
          break;
        }
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [read, navigate, accountId]);

  useEffect(() => {
    if (palette || !back.current) return;
    const target = back.current;
    back.current = null;
    // After the dialog's own focus handling, which runs in a task queued as it unmounts.
    const t = setTimeout(() => {
      if (target.isConnected) target.focus();
    }, 0);
    return () => clearTimeout(t);
  }, [palette]);

  return (
    <>
      <CommandPalette
        open={palette}
        onOpenChange={setPalette}
        accountId={accountId}
        accounts={accounts}
        onShowHelp={() => setHelp(true)}
      />
      <ShortcutsHelp open={help} onClose={() => setHelp(false)} />
    </>
  );
}
