/** Times as the reader sees them (their own time zone), and other people's local time. */

const safeZone = (zone: string | undefined): string | undefined => {
  if (!zone) return undefined
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: zone })
    return zone
  } catch {
    return undefined
  }
}

export const ownTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone

/** "14:05", or "Mon 14:05" when not today, in `zone` (the reader's when omitted). */
export function formatTime(ms: number, zone?: string, now = Date.now()): string {
  const timeZone = safeZone(zone)
  const sameDay =
    new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: 'short' }).format(ms) ===
    new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: 'short' }).format(now)
  const opts: Intl.DateTimeFormatOptions = sameDay
    ? { timeZone, hour: '2-digit', minute: '2-digit' }
    : {
        timeZone,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }
  return new Intl.DateTimeFormat(undefined, opts).format(ms)
}

/** The city part of an IANA zone: "Europe/Berlin" -> "Berlin". */
export const zoneCity = (zone: string): string => (zone.split('/').pop() ?? zone).replace(/_/g, ' ')

/** Minutes, hours or days since `ms`, rounded, for "last active 3 h ago". */
export function sinceParts(ms: number, now = Date.now()): { unit: 'min' | 'h' | 'd'; n: number } {
  const minutes = Math.max(0, Math.round((now - ms) / 60_000))
  if (minutes < 60) return { unit: 'min', n: minutes }
  if (minutes < 48 * 60) return { unit: 'h', n: Math.round(minutes / 60) }
  return { unit: 'd', n: Math.round(minutes / 1440) }
}
