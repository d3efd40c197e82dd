/** How colour names from the schema look on screen; names, so themes can map them. */
import type { NoteColor } from '../../shared/schema/index.ts'

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
