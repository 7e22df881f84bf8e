/** Placeholder shell until the pages land (issue 4). */
export function App() {
  return (
    <div className="min-h-screen font-sans">
      <header className="flex items-center gap-3 border-b border-border bg-panel px-4 py-2">
        <span className="font-semibold tracking-tight">Aries Trader</span>
      </header>
      <main className="p-4 text-muted">Dashboard loading…</main>
    </div>
  );
}
