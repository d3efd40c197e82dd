/**
 * How colour names from the schema look, on the canvas and in pictures of the board alike.
 * The schema stores names, not hex, so themes and high-contrast modes can map them here.
 */
import type { NoteColor } from '../schema/index.ts'

export const NOTE_FILL: Record<NoteColor, string> = {
  yellow: '#ffe27a',
  pink: '#ffb8cc',
  green: '#b5e8a6',
  blue: '#a9d5ff',
  orange: '#ffc58c',
  purple: '#d5c2ff',
  grey: '#dcdfe4',
  white: '#ffffff',
}

/** Frames use a pale tint of their colour so post-its on them stand out. */
export const FRAME_FILL: Record<NoteColor, string> = {
  yellow: '#fff9e0',
  pink: '#fff0f4',
  green: '#f0faec',
  blue: '#eef6ff',
  orange: '#fff4e8',
  purple: '#f6f1ff',
  grey: '#f3f4f6',
  white: '#ffffff',
}

export const INK = '#1f2328'
export const MUTED_INK = '#57606a'
export const ACCENT = '#2563eb'
export const FONT_FAMILY =
  'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif'

/** Connector strokes: darker than the note fills so arrows read on any post-it or poster. */
export const CONNECTOR_STROKE: Record<NoteColor | 'black', string> = {
  black: '#343a40',
  yellow: '#b08800',
  pink: '#c2255c',
  green: '#2b8a3e',
  blue: '#1c64c8',
  orange: '#d9480f',
  purple: '#6741d9',
  grey: '#6b7280',
  white: '#adb5bd',
}

/** Process-map marks: a red heart, a purple question mark, an orange lightning on broken lines. */
export const HEART_FILL = '#e03131'
export const QUESTION_INK = '#6741d9'
export const BREAK_INK = '#d9480f'

/** Tag chips: saturated versions of the note colours, with white text on them. */
export const TAG_FILL: Record<NoteColor, string> = {
  yellow: '#b08800',
  pink: '#c2255c',
  green: '#2b8a3e',
  blue: '#1c64c8',
  orange: '#d9480f',
  purple: '#6741d9',
  grey: '#495057',
  white: '#868e96',
}
