/**
 * Level of detail. Below this zoom post-it text is a few pixels high and unreadable anyway, so
 * post-its are drawn as plain coloured boxes in one pass, and connectors without labels.
 */
export const LOW_DETAIL_SCALE = 0.22

export const isLowDetail = (scale: number) => scale < LOW_DETAIL_SCALE

/** The smallest post-it text on screen, in pixels: smaller reads from nowhere in a room. */
export const MIN_NOTE_SCREEN_PX = 12
/** Smallest note font sizes (board pixels), in steps so zooming re-lays notes out seldom. */
const NOTE_FLOORS = [14, 16, 18, 21, 24, 28, 32, 36, 42, 48, 56]

/**
 * The smallest font (board pixels) a post-it may shrink to at this zoom, so that what is drawn
 * is at least MIN_NOTE_SCREEN_PX on screen; longer text is cut to its first lines instead.
 */
export function noteFontFloor(scale: number): number {
  const wanted = MIN_NOTE_SCREEN_PX / Math.max(scale, LOW_DETAIL_SCALE)
  return NOTE_FLOORS.find((f) => f >= wanted) ?? NOTE_FLOORS.at(-1)!
}
