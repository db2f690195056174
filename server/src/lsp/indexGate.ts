// The one gate between index (re)builds and everything that reads the index:
// request handlers and the diagnostics publisher wait for `ready()`, so no
// answer and no diagnostic ever comes from a half-built index. The gate is
// closed from the start until the first build has run.

export class IndexGate {
  private building = 0;
  private opened: Promise<void>;
  private open: () => void = () => {};
  /** The builds in the order they were asked for: one at a time. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly onChange: (building: boolean) => void = () => {}) {
    this.opened = new Promise((resolve) => (this.open = resolve));
    this.building = 1;
  }

  /** Whether the index is complete now (checked synchronously before reading it). */
  get isReady(): boolean {
    return this.building === 0;
  }

  /** Resolves once no build is running. */
  async ready(): Promise<void> {
    while (!this.isReady) await this.opened;
  }

  /**
   * Runs a build with the gate closed; `initial` is the build the gate was
   * created closed for. Builds are serialised.
   */
  build(work: () => Promise<void>, initial = false): Promise<void> {
    if (!initial) this.close();
    const run = this.queue.then(work).finally(() => this.release());
    this.queue = run.catch(() => {});
    return run;
  }

  private close(): void {
    if (this.building++ > 0) return;
    this.opened = new Promise((resolve) => (this.open = resolve));
    this.onChange(true);
  }

  private release(): void {
    if (--this.building > 0) return;
    this.open();
    this.onChange(false);
  }
}
