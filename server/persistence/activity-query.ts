/** The activity query's filters and limit, shared by the adapters that filter in memory. */
import { activityEntrySchema, type ActivityEntry } from '../../shared/history/types.ts'
import type { ActivityQuery } from './store.ts'

export const matchesActivity = (e: ActivityEntry, q: ActivityQuery): boolean =>
  (q.since === undefined || e.at > q.since) &&
  (q.personId === undefined || e.personId === q.personId) &&
  (q.frameId === undefined || e.frameId === q.frameId)

/** The newest `limit` of entries sorted oldest first (all without a limit). */
export const newestActivity = (sorted: ActivityEntry[], limit?: number): ActivityEntry[] =>
  limit === undefined ? sorted : limit <= 0 ? [] : sorted.slice(-limit)

/** Stored entries are checked again on the way out: a damaged row hides one entry. */
export function parseEntries(raw: readonly unknown[]): ActivityEntry[] {
  return raw.flatMap((r) => {
    try {
      const parsed = activityEntrySchema.safeParse(typeof r === 'string' ? JSON.parse(r) : r)
      return parsed.success ? [parsed.data] : []
    } catch {
      return []
    }
  })
}
