/**
 * A value derived from other stores, for useSyncExternalStore. It listens to its sources only
 * while someone listens to it, so it costs nothing when unused and survives StrictMode remounts.
 */
export abstract class DerivedStore {
  private readonly listeners = new Set<() => void>()
  private stops: (() => void)[] = []

  /** Subscribes to the sources (after bringing the value up to date); returns the unsubscribers. */
  protected abstract connect(): (() => void)[]

  protected notify(): void {
    for (const l of this.listeners) l()
  }

  subscribe = (listener: () => void): (() => void) => {
    if (this.listeners.size === 0) this.stops = this.connect()
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0) {
        for (const stop of this.stops) stop()
        this.stops = []
      }
    }
  }
}
