/**
 * Estimating the server's clock from round trips, so that timers and deadlines agree on every
 * client whatever its own clock says. NTP's idea: the sample with the shortest round trip is the
 * most trustworthy, and the server's reading sits halfway through it.
 */
export interface ClockSample {
  /** Client time when the request left. */
  sentAt: number
  /** Server time in the answer. */
  serverTime: number
  /** Client time when the answer arrived. */
  receivedAt: number
}

/** Offset to add to the local clock to get the server's; 0 without samples. */
export function estimateOffset(samples: readonly ClockSample[]): number {
  let best: ClockSample | null = null
  for (const s of samples) {
    if (s.receivedAt < s.sentAt) continue
    if (!best || s.receivedAt - s.sentAt < best.receivedAt - best.sentAt) best = s
  }
  if (!best) return 0
  return Math.round(best.serverTime - (best.sentAt + best.receivedAt) / 2)
}

export class ServerClock {
  private samples: ClockSample[] = []
  private offset = 0

  constructor(private readonly localNow: () => number = Date.now) {}

  add(sample: ClockSample): void {
    this.samples = [...this.samples.slice(-7), sample]
    this.offset = estimateOffset(this.samples)
  }

  now(): number {
    return this.localNow() + this.offset
  }

  get offsetMs(): number {
    return this.offset
  }
}
