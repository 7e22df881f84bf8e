/** Named one-shot timers over an injectable clock (tests drive them by hand). */
export type TimerApi = {
  setTimer?: ((cb: () => void, ms: number) => unknown) | undefined;
  clearTimer?: ((handle: unknown) => void) | undefined;
};

export class NamedTimers<N extends string> {
  private readonly handles = new Map<N, unknown>();

  constructor(private readonly api: TimerApi) {}

  /** Replaces the timer `name` if it is pending. */
  set(name: N, ms: number, cb: () => void): void {
    this.clear(name);
    const set = this.api.setTimer ?? ((f: () => void, d: number) => setTimeout(f, d));
    this.handles.set(name, set(cb, ms));
  }

  clear(name: N): void {
    const handle = this.handles.get(name);
    if (handle === undefined) return;
    const clear =
      this.api.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
    clear(handle);
    this.handles.delete(name);
  }
}
