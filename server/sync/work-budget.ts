/**
 * How many items (structs and delete ranges) a socket, and all sockets of one address, may have
 * the server take in per second. Bytes are a poor measure of that work: a tiny item takes a few
 * bytes, and within the byte budget one socket could send a hundred updates of the largest size
 * a second, each costing tens of milliseconds to judge and apply. Counted where the room has
 * decoded the update anyway; a token bucket, refilled continuously, holding one second's worth.
 */
export class WorkBudget {
  private tokens: number
  private at = performance.now()

  /** 0 turns it off. */
  constructor(private readonly perSecond: number) {
    this.tokens = perSecond
  }

  /** Takes `items` if the bucket holds them; false (and nothing taken) if not. */
  spend(items: number): boolean {
    if (this.perSecond <= 0) return true
    const now = performance.now()
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.at) * this.perSecond) / 1000)
    this.at = now
    if (items > this.tokens) return false
    this.tokens -= items
    return true
  }
}
