/**
 * Groups calls that arrive close together into one call of `run` (group commit). The delivery
 * worker runs many jobs at once; claiming and marking their outbox rows one statement each costs
 * a database round trip and a commit per message, grouped it costs one per batch.
 *
 * Calls made in the same turn of the event loop, or while the previous batch is running, go into
 * the next batch. Each caller gets its own result (or the batch's error), so a caller behaves as if
 * it had run the statement alone: when its promise resolves, its row is written.
 */
export class Batcher<In, Out> {
  private waiting: { input: In; resolve: (out: Out) => void; reject: (error: unknown) => void }[] = [];
  private scheduled = false;
  private running = false;

  constructor(
    /** Runs one batch; returns one result per input, in order. */
    private readonly run: (inputs: In[]) => Promise<Out[]>,
    private readonly maxSize = 500,
  ) {}

  call(input: In): Promise<Out> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    // setImmediate rather than a microtask: every job that is ready in this turn joins the batch.
    setImmediate(() => {
      this.scheduled = false;
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxSize);
        try {
          const outputs = await this.run(batch.map((call) => call.input));
          batch.forEach((call, i) => call.resolve(outputs[i] as Out));
        } catch (error) {
          for (const call of batch) call.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
