/**
 * The command palette (Ctrl/Cmd+K): go to a page, switch account, find an order by id or
 * symbol, filter the blotter or the news by a symbol, switch theme or time zone. cmdk gives
 * the listbox keyboard model and the focus-trapped dialog; the palette filters itself, because
 * orders are searched in the store rather than listed.
 */
import { Command, defaultFilter } from 'cmdk';
import { useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { formatQty } from '../../lib/format';
import { underlyingOf } from '../../lib/instrument';
import { ALL_ACCOUNTS } from '../../lib/url-params';
import { setDisplayZone, useDisplayZone } from '../../lib/display-zone';
import { orderStatusLabel } from '../../protocol';
import { findOrders, usePositions } from '../../stores';
import { PAGE_ROUTES } from '../routes';
import { otherTheme, setTheme, useTheme } from '../shell/theme';

export type PaletteAccount = { accountId: string; label: string };

const switchText = (a: PaletteAccount): string =>
  a.accountId === ALL_ACCOUNTS ? 'Switch to all accounts' : `Switch to account ${a.label}`;

// A typed ticker (up to five letters, an optional class: BRK.B); longer words are commands.
const SYMBOL = /^[A-Z]{1,5}(\.[A-Z])?$/;
const MAX_SYMBOLS = 4;

const matches = (search: string, text: string, keywords: string[] = []): boolean =>
  search.trim() === '' || defaultFilter(text, search.trim(), keywords) > 0;

function Group({ heading, children }: { heading: string; children: ReactNode[] }) {
  if (children.length === 0) return null;
  return (
    <Command.Group
      heading={heading}
      className="px-1 pb-1 [&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-muted"
    >
      {children}
    </Command.Group>
  );
}

function Item({
  value,
  onSelect,
  children,
  hint,
}: {
  value: string;
  onSelect: () => void;
  children: ReactNode;
  hint?: string;
}) {
  return (
    <Command.Item
      value={value}
      onSelect={onSelect}
      className="flex cursor-pointer items-center justify-between gap-3 rounded px-2 py-1.5 text-sm text-text outline-none data-[selected=true]:bg-accent/20 data-[selected=true]:outline-2 data-[selected=true]:outline-accent"
    >
      <span className="min-w-0 truncate">{children}</span>
      {hint && (
        <kbd className="shrink-0 rounded border border-border px-1.5 font-mono text-xs text-muted">
          {hint}
        </kbd>
      )}
    </Command.Item>
  );
}

export function CommandPalette({
  open,
  onOpenChange,
  accountId,
  accounts,
  onShowHelp,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  accountId: string | undefined;
  accounts: readonly PaletteAccount[];
  onShowHelp: () => void;
}) {
  const [search, setSearch] = useState('');
  const navigate = useNavigate();
  const theme = useTheme();
  const zone = useDisplayZone();
  const positions = usePositions(accountId ?? '');
  const orders = useMemo(
    // With every account selected, orders are found in all of them.
    () =>
      open && accountId
        ? findOrders(accountId === ALL_ACCOUNTS ? undefined : accountId, search)
        : [],
    [open, accountId, search],
  );
  const symbols = useMemo(() => {
    const q = search.trim().toUpperCase();
    if (q === '') return [];
    const held = [...new Set(positions.map(underlyingOf))].filter((s) => s.startsWith(q));
    return [...new Set([...(SYMBOL.test(q) ? [q] : []), ...held])].slice(0, MAX_SYMBOLS);
  }, [search, positions]);

  const close = () => {
    onOpenChange(false);
    setSearch('');
  };
  const run = (action: () => void) => () => {
    close();
    action();
  };
  const go = (pathname: string, params: Record<string, string> = {}) =>
    run(() => {
      const query = new URLSearchParams(accountId ? { account: accountId, ...params } : params);
      navigate({ pathname, search: `?${query.toString()}` });
    });

  const pages = PAGE_ROUTES.filter((r) => matches(search, `Go to ${r.label}`, [r.path])).map(
    (r) => (
      <Item key={r.path} value={`page ${r.path}`} onSelect={go(r.path)} hint={`g ${r.key}`}>
        Go to {r.label}
      </Item>
    ),
  );
  const switchTo = accounts
    .map((a) => ({ ...a, text: switchText(a) }))
    .filter((a) => a.accountId !== accountId && matches(search, a.text))
    .map((a) => (
      <Item
        key={a.accountId}
        value={`account ${a.accountId}`}
        onSelect={run(() => navigate({ search: `?account=${encodeURIComponent(a.accountId)}` }))}
      >
        {a.text}
      </Item>
    ));
  const found = orders.map((o) => (
    <Item
      key={o.ordId}
      value={`order ${o.ordId}`}
      onSelect={go('/orders', { status: 'all', symbol: o.symbol })}
    >
      <span className="font-mono">{o.ordId}</span> · {o.symbol} {o.side} {formatQty(o.qty)} ·{' '}
      {orderStatusLabel(o)}
      {accountId === ALL_ACCOUNTS && <span className="text-muted"> · {o.accountId}</span>}
    </Item>
  ));
  const bySymbol = symbols.flatMap((s) => [
    <Item key={`orders-${s}`} value={`filter ${s}`} onSelect={go('/orders', { symbol: s })}>
      Show orders in {s}
    </Item>,
    <Item key={`news-${s}`} value={`news ${s}`} onSelect={go('/news', { symbols: s })}>
      Open news for {s}
    </Item>,
  ]);
  const nextTheme = otherTheme(theme);
  const prefs = [
    matches(search, `Switch to ${nextTheme} theme`, ['dark', 'light', 'theme']) && (
      <Item key="theme" value="theme" onSelect={run(() => setTheme(nextTheme))} hint="t">
        Switch to {nextTheme} theme
      </Item>
    ),
    matches(search, 'Show times in', ['time zone', 'local', 'new york', 'et']) && (
      <Item
        key="zone"
        value="zone"
        onSelect={run(() => setDisplayZone(zone === 'exchange' ? 'local' : 'exchange'))}
        hint="z"
      >
        Show times in {zone === 'exchange' ? 'local time' : 'New York time (ET)'}
      </Item>
    ),
    matches(search, 'Keyboard shortcuts', ['help', '?']) && (
      <Item key="help" value="help" onSelect={run(onShowHelp)} hint="?">
        Keyboard shortcuts
      </Item>
    ),
  ].filter((x): x is React.JSX.Element => !!x);

  return (
    <Command.Dialog
      open={open}
      onOpenChange={(next) => (next ? onOpenChange(true) : close())}
      label="Command palette"
      shouldFilter={false}
      loop
      overlayClassName="fixed inset-0 z-40 bg-black/50"
      contentClassName="fixed top-[12vh] left-1/2 z-50 w-[min(40rem,calc(100vw-2rem))] -translate-x-1/2 overflow-hidden rounded-lg border border-border bg-panel text-text shadow-2xl"
    >
      <div className="flex items-center gap-2 border-b border-border px-3">
        <span aria-hidden className="text-muted">
          ⌘
        </span>
        <Command.Input
          value={search}
          onValueChange={setSearch}
          placeholder="Go to a page, account, order id or symbol…"
          className="w-full bg-transparent py-3 text-sm text-text outline-none placeholder:text-muted"
        />
        <kbd className="rounded border border-border px-1.5 font-mono text-xs text-muted">Esc</kbd>
      </div>
      <Command.List
        label="Commands"
        className="max-h-[min(60vh,28rem)] overflow-y-auto overscroll-contain py-1"
      >
        <Command.Empty className="px-3 py-6 text-center text-sm text-muted">
          Nothing matches “{search.trim()}”.
        </Command.Empty>
        {/* Named commands first: a word like "theme" is also a possible ticker. */}
        <Group heading="Pages">{pages}</Group>
        <Group heading="Preferences">{prefs}</Group>
        <Group heading="Accounts">{switchTo}</Group>
        <Group heading="Orders">{found}</Group>
        <Group heading="Symbol">{bySymbol}</Group>
      </Command.List>
    </Command.Dialog>
  );
}
