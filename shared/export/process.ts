/**
 * Orders the steps of a process map: follow the arrows from the steps nothing points to, taking
 * steps whose predecessors are all placed first (a topological order) and breaking ties, and
 * cycles, by reading order. A straight chain comes out exactly as drawn.
 */
export interface Edge {
  from: string
  to: string
}

/** `ids` must already be in reading order; the result holds each id exactly once. */
export function orderSteps(ids: readonly string[], edges: readonly Edge[]): string[] {
  const rank = new Map(ids.map((id, i) => [id, i]))
  const incoming = new Map(ids.map((id) => [id, 0]))
  const outgoing = new Map<string, string[]>(ids.map((id) => [id, []]))
  for (const e of edges) {
    if (!rank.has(e.from) || !rank.has(e.to) || e.from === e.to) continue
    outgoing.get(e.from)!.push(e.to)
    incoming.set(e.to, incoming.get(e.to)! + 1)
  }
  const placed = new Set<string>()
  const out: string[] = []
  const ready = () => ids.filter((id) => !placed.has(id) && incoming.get(id) === 0)
  while (out.length < ids.length) {
    // In a cycle nobody is ready: enter it at the first unplaced step in reading order.
    const next = ready()[0] ?? ids.find((id) => !placed.has(id))!
    placed.add(next)
    out.push(next)
    for (const to of outgoing.get(next)!) incoming.set(to, incoming.get(to)! - 1)
  }
  return out
}
