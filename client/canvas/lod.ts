/**
 * Level of detail. Below this zoom post-it text is a few pixels high and unreadable anyway, so
 * post-its are drawn as plain coloured boxes in one pass, and connectors without labels.
 */
export const LOW_DETAIL_SCALE = 0.22

export const isLowDetail = (scale: number) => scale < LOW_DETAIL_SCALE
