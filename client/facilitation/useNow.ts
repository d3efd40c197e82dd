/** Re-renders every `everyMs` with the server's time, for countdowns. */
import { useEffect, useState } from 'react'

export function useNow(now: () => number, everyMs = 250): number {
  const [value, setValue] = useState(now)
  useEffect(() => {
    const id = setInterval(() => setValue(now()), everyMs)
    return () => clearInterval(id)
  }, [now, everyMs])
  return value
}

/** A time of day in the reader's own timezone, with the zone named. */
export function localTime(ms: number): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(ms))
}
