/**
 * A post-it as pure props: record in, nothing out (the stage reads hits by node id). Besides its
 * text it shows who is involved (top), the tags it relates to (bottom) and, on process maps,
 * whether the step exists today (a check) or is missing (dashed outline); a star marks a takeaway.
 * A private post-it (private writing, seen by its author only) has a dashed outline and a chip.
 */
import { memo, useMemo } from 'react'
import { Circle, Group, Rect, Text } from 'react-konva'
import type { NoteRecord, TagRecord } from '../../shared/schema/index.ts'
import { t } from '../i18n/i18n.ts'
import { BREAK_INK, FONT_FAMILY, INK, MUTED_INK, NOTE_FILL, TAG_FILL } from './palette.ts'
import { LINE_HEIGHT, NOTE_PADDING, noteLayout, textDirection } from './textFit.ts'

/** Height of the "involved" line and of the tag row. */
export const NOTE_META_HEIGHT = 24
const META_SIZE = 13
const CHIP_GAP = 4

interface Props {
  note: NoteRecord
  dx: number
  dy: number
  /** Hide the text while the in-place editor is open over it. */
  editing: boolean
  lowDetail: boolean
  /** The board tags this note relates to, resolved by the caller. */
  tags: readonly TagRecord[]
  /** Faded while another tag is highlighted. */
  dimmed: boolean
  /** In the author's private room during private writing: nobody else sees it yet. */
  isPrivate?: boolean
  /** Smallest font in board pixels at this zoom (lod.ts): long text is cut, not shrunk past it. */
  fontFloor?: number
}

export const NoteShape = memo(function NoteShape({
  note,
  dx,
  dy,
  editing,
  lowDetail,
  tags,
  dimmed,
  isPrivate = false,
  fontFloor = 0,
}: Props) {
  const involved = note.involved.trim()
  const top = involved ? NOTE_META_HEIGHT : 0
  const bottom = tags.length ? NOTE_META_HEIGHT : 0
  const bodyH = Math.max(20, note.h - top - bottom)
  // Broken into lines here, where the script allows, so that what fits is what is drawn.
  const { fontSize, lines } = useMemo(
    () => noteLayout(note.text, note.w, bodyH, fontFloor),
    [note.text, note.w, bodyH, fontFloor],
  )
  const missing = note.step === 'missing'
  return (
    <Group id={note.id} name="item" x={note.x + dx} y={note.y + dy} opacity={dimmed ? 0.25 : 1}>
      {/* A flat offset shadow: canvas blur is slow without a GPU and with many notes in view. */}
      {!lowDetail && !missing && (
        <Rect
          x={1}
          y={3}
          width={note.w}
          height={note.h}
          fill="rgba(0,0,0,0.13)"
          cornerRadius={5}
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      <Rect
        width={note.w}
        height={note.h}
        fill={missing ? '#fff' : NOTE_FILL[note.color]}
        cornerRadius={4}
        perfectDrawEnabled={false}
        stroke={missing ? BREAK_INK : note.color === 'white' ? '#d0d7de' : undefined}
        strokeWidth={missing ? 3 : 1}
        dash={missing ? [10, 6] : undefined}
      />
      {missing && (
        <Rect
          x={3}
          y={3}
          width={note.w - 6}
          height={note.h - 6}
          fill={NOTE_FILL[note.color]}
          opacity={0.45}
          cornerRadius={3}
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      {!lowDetail && involved && (
        <Text
          text={`${t('note-involved-prefix')} ${involved}`}
          x={8}
          y={6}
          width={note.w - (note.step === 'none' ? 16 : 40)}
          height={NOTE_META_HEIGHT - 4}
          fontSize={META_SIZE}
          fontStyle="bold"
          fontFamily={FONT_FAMILY}
          fill={MUTED_INK}
          direction={textDirection(involved)}
          wrap="none"
          ellipsis
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      {!editing && !lowDetail && (
        <Text
          text={lines.join('\n')}
          x={NOTE_PADDING}
          y={top + NOTE_PADDING}
          width={note.w - 2 * NOTE_PADDING}
          height={bodyH - 2 * NOTE_PADDING}
          fontSize={fontSize}
          lineHeight={LINE_HEIGHT}
          fontFamily={FONT_FAMILY}
          fill={INK}
          direction={textDirection(note.text)}
          wrap="word"
          ellipsis
          verticalAlign="middle"
          align="center"
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      {!lowDetail && tags.length > 0 && (
        <TagRow tags={tags} y={note.h - NOTE_META_HEIGHT} w={note.w} />
      )}
      {!lowDetail && note.step !== 'none' && <StepBadge step={note.step} x={note.w - 16} />}
      {!lowDetail && note.takeaway && <TakeawayBadge />}
      {isPrivate && (
        <Rect
          x={-4}
          y={-4}
          width={note.w + 8}
          height={note.h + 8}
          stroke={PRIVATE_INK}
          strokeWidth={2}
          dash={[8, 5]}
          cornerRadius={7}
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      {isPrivate && <PrivateBadge w={note.w} />}
    </Group>
  )
})

/** "Relates to" chips in each tag's colour, as many as fit. */
function TagRow({ tags, y, w }: { tags: readonly TagRecord[]; y: number; w: number }) {
  let x = 6
  const chips = []
  for (const tag of tags) {
    const width = Math.min(w - 12, tag.name.length * META_SIZE * 0.6 + 12)
    if (x + width > w - 6 && chips.length > 0) {
      chips.push(
        <Text
          key="more"
          x={x}
          y={y + 4}
          text="…"
          fontSize={META_SIZE}
          fill={MUTED_INK}
          listening={false}
        />,
      )
      break
    }
    chips.push(
      <Group key={tag.id} x={x} y={y + 2} listening={false}>
        <Rect
          width={width}
          height={NOTE_META_HEIGHT - 6}
          fill={TAG_FILL[tag.color]}
          cornerRadius={9}
        />
        <Text
          text={tag.name}
          width={width}
          height={NOTE_META_HEIGHT - 6}
          align="center"
          verticalAlign="middle"
          fontSize={META_SIZE - 1}
          fontStyle="bold"
          fontFamily={FONT_FAMILY}
          fill="#fff"
          direction={textDirection(tag.name)}
          wrap="none"
          ellipsis
        />
      </Group>,
    )
    x += width + CHIP_GAP
  }
  return <>{chips}</>
}

const PRIVATE_INK = '#5f3dc4'

/** A lock chip over the top edge: only the author sees this post-it until the reveal. */
function PrivateBadge({ w }: { w: number }) {
  const label = `🔒 ${t('note-private-badge')}`
  const width = Math.min(w - 8, label.length * 7.5 + 14)
  return (
    <Group x={w - width - 4} y={-11} listening={false}>
      <Rect width={width} height={20} fill={PRIVATE_INK} cornerRadius={10} />
      <Text
        text={label}
        width={width}
        height={20}
        align="center"
        verticalAlign="middle"
        fontSize={12}
        fontStyle="bold"
        fontFamily={FONT_FAMILY}
        fill="#fff"
        wrap="none"
        ellipsis
      />
    </Group>
  )
}

/** A star at the corner of a note its poster lists as a takeaway. */
function TakeawayBadge() {
  return (
    <Group x={2} y={2} listening={false}>
      <Circle radius={10} fill="#f59f00" stroke="#fff" strokeWidth={2} />
      <Text
        text="★"
        x={-10}
        y={-10}
        width={20}
        height={20}
        align="center"
        verticalAlign="middle"
        fontSize={13}
        fill="#fff"
      />
    </Group>
  )
}

function StepBadge({ step, x }: { step: 'exists' | 'missing'; x: number }) {
  const exists = step === 'exists'
  return (
    <Group x={x} y={16} listening={false}>
      <Circle radius={11} fill={exists ? '#2b8a3e' : BREAK_INK} stroke="#fff" strokeWidth={2} />
      <Text
        text={exists ? '✓' : '+'}
        x={-11}
        y={-11}
        width={22}
        height={22}
        align="center"
        verticalAlign="middle"
        fontSize={15}
        fontStyle="bold"
        fill="#fff"
      />
    </Group>
  )
}
