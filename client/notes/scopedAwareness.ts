/**
 * The y-tiptap cursor plugin reads and writes the awareness field `cursor`, which on this board
 * is the canvas pointer (shared/schema/presence.ts); its renderer reads `cursor` whatever field
 * it is told to write. This adapter gives the plugin a view of awareness in which `cursor` is
 * the scribe caret in one scope, stored as `scribe: { scope, cursor }`, and passes the rest
 * (`user`: name and colour) through unchanged.
 */
import type { Awareness } from 'y-protocols/awareness'

type State = Record<string, unknown>
type Listener = (...args: unknown[]) => void

export const SCRIBE_FIELD = 'scribe'

export class ScopedAwareness {
  constructor(
    private readonly real: Awareness,
    private readonly scope: string,
  ) {}

  get clientID(): number {
    return this.real.clientID
  }

  get doc() {
    return this.real.doc
  }

  private view(state: State | null): State | null {
    if (!state) return state
    const scribe = state[SCRIBE_FIELD] as { scope?: unknown; cursor?: unknown } | null | undefined
    return { ...state, cursor: scribe?.scope === this.scope ? (scribe.cursor ?? null) : null }
  }

  getStates(): Map<number, State> {
    const out = new Map<number, State>()
    this.real.getStates().forEach((state, id) => out.set(id, this.view(state as State)!))
    return out
  }

  getLocalState(): State | null {
    return this.view(this.real.getLocalState() as State | null)
  }

  setLocalStateField(field: string, value: unknown): void {
    if (field !== 'cursor') return
    this.real.setLocalStateField(SCRIBE_FIELD, value ? { scope: this.scope, cursor: value } : null)
  }

  on(event: string, fn: Listener): void {
    this.real.on(event as 'change', fn)
  }

  off(event: string, fn: Listener): void {
    this.real.off(event as 'change', fn)
  }
}
