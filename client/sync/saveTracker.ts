/**
 * Which local changes the server has stored, from its acks (MESSAGE_SAVED: a state vector of
 * everything stored). Each local transaction is remembered as (clientID, clock after it); an ack
 * covers it when the stored state vector reaches that clock and the ack came after the change
 * was sent. The second condition is for delete-only transactions, which do not move the clock.
 *
 * The server also acks when it answers our sync step 1 (the handshake); that state vector was
 * taken before it saw anything we sent on this connection, so it may cover only changes whose
 * clock it proves. A delete-only change is covered by the next regular ack after it went out.
 */
export interface PendingChange {
  client: number
  clock: number
  /** Sequence number of the moment the change went out; null while it waits for a connection. */
  sentAt: number | null
  /** False for delete-only transactions, which a state vector cannot prove stored. */
  advanced: boolean
  /** The records it changed; changes to one record count as one change. */
  records?: string[]
}

export type SaveState =
  { kind: 'saved' } | { kind: 'saving'; pending: number } | { kind: 'waiting'; pending: number }

export class SaveTracker {
  private pending: PendingChange[]
  private seq = 0
  private readonly listeners = new Set<() => void>()

  constructor(initial: readonly PendingChange[] = []) {
    // Changes remembered from an earlier page load go out again with the next sync.
    this.pending = initial.map((p) => ({ ...p, sentAt: null }))
  }

  /** A local transaction happened; `sent` says whether it went straight to the server. */
  recordLocal(
    client: number,
    clock: number,
    sent: boolean,
    advanced = true,
    records?: readonly string[],
  ): void {
    const change: PendingChange = { client, clock, sentAt: sent ? ++this.seq : null, advanced }
    if (records && records.length > 0) change.records = [...records]
    this.pending.push(change)
    this.emit()
  }

  /** Everything we hold has just been sent (sync step 2 in reply to the server's step 1). */
  markAllSent(): void {
    const at = ++this.seq
    let changed = false
    for (const p of this.pending) {
      if (p.sentAt === null) {
        p.sentAt = at
        changed = true
      }
    }
    if (changed) this.emit()
  }

  /** The server stored everything up to `stored`; `handshake` for the ack of its sync reply. */
  ack(stored: ReadonlyMap<number, number>, handshake = false): void {
    const at = ++this.seq
    const before = this.pending.length
    const covered = (p: PendingChange) =>
      p.sentAt !== null &&
      p.sentAt < at &&
      (stored.get(p.client) ?? 0) >= p.clock &&
      (p.advanced || !handshake)
    this.pending = this.pending.filter((p) => !covered(p))
    if (this.pending.length !== before) this.emit()
  }

  /** Changes waiting: records changed (each counted once), plus changes to no known record. */
  count(): number {
    const records = new Set<string>()
    let other = 0
    for (const p of this.pending) {
      if (p.records) for (const id of p.records) records.add(id)
      else other++
    }
    return records.size + other
  }

  snapshot(): PendingChange[] {
    return this.pending.map((p) => ({ ...p }))
  }

  state(online: boolean): SaveState {
    const n = this.count()
    if (n === 0) return { kind: 'saved' }
    return online ? { kind: 'saving', pending: n } : { kind: 'waiting', pending: n }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(): void {
    for (const l of this.listeners) l()
  }
}
