/**
 * Hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", 2014).
 *
 * Guarantees: every timestamp a clock issues is greater than every timestamp
 * it issued or received before, even when the wall clock steps backwards, and
 * stays close to wall-clock time. Timestamps serialize to strings that sort
 * in the same order as the clock, so SQLite can order events by `hlc` alone:
 *
 *     2026-12-04T09:15:02.123Z-0000-3f9a1c2e7b4d5a60
 *     wall time (ms, UTC)      counter node id (device)
 *
 * The clock is an object, not module state, so a test can run two devices in
 * one process.
 */

export class HlcError extends Error {
  override name = 'HlcError';
}

const maxCounter = 0xffff;

export interface HlcParts {
  millis: number;
  counter: number;
  node: string;
}

export function formatHlc({ millis, counter, node }: HlcParts): string {
  return `${new Date(millis).toISOString()}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

export function parseHlc(value: string): HlcParts {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-zA-Z]+)$/.exec(value);
  if (!match) throw new HlcError(`invalid hybrid logical clock timestamp: ${value}`);
  return { millis: Date.parse(match[1]!), counter: parseInt(match[2]!, 16), node: match[3]! };
}

export class HybridLogicalClock {
  private millis = 0;
  private counter = 0;

  constructor(
    readonly node: string,
    private readonly now: () => number = Date.now,
    last?: string | null,
  ) {
    if (!/^[0-9a-zA-Z]+$/.test(node)) throw new HlcError(`invalid node id: ${node}`);
    if (last) this.receive(last);
  }

  /** Issues the timestamp for a local event. */
  tick(): string {
    const wall = this.now();
    if (wall > this.millis) {
      // The wall clock moved ahead of every timestamp seen: take it, restart the counter.
      this.millis = wall;
      this.counter = 0;
    } else {
      // Logical time never goes backward: stay on the highest time seen and count.
      this.counter += 1;
      if (this.counter > maxCounter) throw new HlcError('hybrid logical clock counter overflow');
    }
    return formatHlc({ millis: this.millis, counter: this.counter, node: this.node });
  }

  /** Moves the clock past a timestamp from another device (or from the log at startup). */
  receive(remote: string): void {
    const { millis, counter } = parseHlc(remote);
    if (millis > this.millis) {
      this.millis = millis;
      this.counter = counter;
    } else if (millis === this.millis && counter > this.counter) {
      this.counter = counter;
    }
  }
}
