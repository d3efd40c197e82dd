/**
 * The style panel for what is selected: an arrow's line, arrowheads, mark and label; a post-it's
 * process step, who is involved and its tags; a poster's lanes. Each control runs an action.
 */
import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import { setConnectorStyle } from '../actions/connectorStyle.ts'
import { newLane, setLanes, tidyLane } from '../actions/lanes.ts'
import { setNoteProps } from '../actions/noteProps.ts'
import { zoomToFrame } from '../actions/zoom.ts'
import type { ConnectorRecord, FrameRecord, Item, NoteRecord } from '../../shared/schema/index.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { useStore } from '../lib/store.ts'
import { TagPicker } from './TagPicker.tsx'

export function Inspector({ editor }: { editor: Editor }) {
  const selection = useStore(editor.view, (s) => s.selection)
  const editing = useStore(editor.view, (s) => s.editing !== null)
  const settled = useSettled(selection, editing)
  useStore(editor.view, (s) => s.camera)
  useSyncExternalStore(editor.items.subscribe, editor.items.getVersion)
  useSyncExternalStore(editor.connectors.subscribe, editor.connectors.getVersion)
  if (selection.size === 0 || editing || !settled) return null
  const arrows = editor.selectedConnectors()
  const items = editor.selectedItems()
  const notes = items.filter((i): i is NoteRecord => i.kind === 'note')
  const frame = items.length === 1 && items[0]!.kind === 'frame' ? items[0] : null
  if (!arrows.length && !notes.length && !frame) return null
  const side = inspectorSide(editor, items)
  return (
    <aside
      className={`inspector inspector--${side}`}
      aria-label={t('inspector-label')}
      data-testid="inspector"
      data-side={side}
    >
      {arrows.length > 0 && <ConnectorSection editor={editor} arrows={arrows} />}
      {notes.length > 0 && <NoteSection editor={editor} notes={notes} />}
      {frame && <FrameSection editor={editor} frame={frame} />}
    </aside>
  )
}

/** How long a selection rests, with no button held, before its panel opens. */
const SETTLE_MS = 450

/**
 * Whether the selection has rested: the panel never opens between the two clicks of a
 * double-click (the second would land in it), nor while a button is held, nor over what was
 * just written (editing text puts the panel away until the next selection).
 */
function useSettled(selection: ReadonlySet<string>, editing: boolean): boolean {
  const [settled, setSettled] = useState<ReadonlySet<string> | null>(null)
  const editingRef = useRef(editing)
  useEffect(() => {
    editingRef.current = editing
    if (editing) setSettled(null)
  }, [editing])
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const wait = () => {
      if (timer) clearTimeout(timer)
      timer = editingRef.current ? null : setTimeout(() => setSettled(selection), SETTLE_MS)
    }
    const hold = () => {
      if (timer) clearTimeout(timer)
      timer = null
    }
    wait()
    window.addEventListener('pointerdown', hold, true)
    window.addEventListener('pointerup', wait, true)
    return () => {
      hold()
      window.removeEventListener('pointerdown', hold, true)
      window.removeEventListener('pointerup', wait, true)
    }
  }, [selection])
  return settled === selection
}

/** The panel's width and margins (panels.css), to keep it off what is being worked on. */
const PANEL = { width: 300, right: 16, left: 84, top: 64 }

/**
 * The side the panel docks on: the one that covers less of the selection on screen, and never
 * the one under the pointer.
 */
function inspectorSide(editor: Editor, items: readonly Item[]): 'left' | 'right' {
  const { camera, size, pointer } = editor.view.get()
  const right = { x0: size.width - PANEL.right - PANEL.width, x1: size.width - PANEL.right }
  const left = { x0: PANEL.left, x1: PANEL.left + PANEL.width }
  const overlap = (band: { x0: number; x1: number }) => {
    let total = 0
    for (const i of items) {
      const x0 = i.x * camera.scale + camera.x
      const x1 = (i.x + i.w) * camera.scale + camera.x
      total += Math.max(0, Math.min(x1, band.x1) - Math.max(x0, band.x0))
    }
    return total
  }
  let side: 'left' | 'right' = overlap(right) <= overlap(left) ? 'right' : 'left'
  if (pointer) {
    const px = pointer.x * camera.scale + camera.x
    const py = pointer.y * camera.scale + camera.y
    const band = side === 'right' ? right : left
    if (py >= PANEL.top && px >= band.x0 - 8 && px <= band.x1 + 8)
      side = side === 'right' ? 'left' : 'right'
  }
  return side
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="inspector-section">
      <h2>{title}</h2>
      {children}
    </section>
  )
}

/** A row of mutually exclusive buttons. */
function Choice<V extends string>({
  label,
  value,
  options,
  onPick,
  testId,
}: {
  label: string
  value: V | null
  options: { value: V; label: string; icon?: string }[]
  onPick: (v: V) => void
  testId: string
}) {
  return (
    <div className="inspector-row" role="group" aria-label={label}>
      <span className="inspector-label">{label}</span>
      <div className="segmented" data-testid={testId}>
        {options.map((o) => (
          <button
            key={o.value}
            type="button"
            aria-pressed={value === o.value}
            data-value={o.value}
            title={o.label}
            aria-label={o.label}
            onClick={() => onPick(o.value)}
          >
            {o.icon ?? o.label}
          </button>
        ))}
      </div>
    </div>
  )
}

const same = <T,>(list: readonly T[]): T | null =>
  list.length > 0 && list.every((v) => v === list[0]) ? list[0]! : null

type Arrows = 'none' | 'end' | 'both' | 'start'
const arrowsOf = (c: ConnectorRecord): Arrows =>
  c.arrowStart ? (c.arrowEnd ? 'both' : 'start') : c.arrowEnd ? 'end' : 'none'

function ConnectorSection({ editor, arrows }: { editor: Editor; arrows: ConnectorRecord[] }) {
  const style = (patch: Parameters<typeof setConnectorStyle.perform>[1]) =>
    editor.run(setConnectorStyle, patch)
  const label = same(arrows.map((c) => c.label)) ?? ''
  return (
    <Section title={t('inspector-connector')}>
      <Choice
        label={t('connector-line')}
        testId="connector-line"
        value={same(arrows.map((c) => c.line))}
        options={[
          { value: 'solid', label: t('connector-line-solid'), icon: '━━' },
          { value: 'broken', label: t('connector-line-broken'), icon: '╍ϟ╍' },
        ]}
        onPick={(line) => style({ line })}
      />
      <Choice
        label={t('connector-arrows')}
        testId="connector-arrows"
        value={same(arrows.map(arrowsOf))}
        options={[
          { value: 'none', label: t('connector-arrows-none'), icon: '—' },
          { value: 'end', label: t('connector-arrows-end'), icon: '→' },
          { value: 'both', label: t('connector-arrows-both'), icon: '↔' },
          { value: 'start', label: t('connector-arrows-start'), icon: '←' },
        ]}
        onPick={(a) =>
          style({
            arrowStart: a === 'start' || a === 'both',
            arrowEnd: a === 'end' || a === 'both',
          })
        }
      />
      <Choice
        label={t('connector-marker')}
        testId="connector-marker"
        value={same(arrows.map((c) => c.marker))}
        options={[
          { value: 'none', label: t('connector-marker-none'), icon: '∅' },
          { value: 'heart', label: t('connector-marker-heart'), icon: '♥' },
          { value: 'question', label: t('connector-marker-question'), icon: '?' },
        ]}
        onPick={(marker) => style({ marker })}
      />
      <label className="inspector-row">
        <span className="inspector-label">{t('connector-label')}</span>
        <input
          className="text-input"
          data-testid="connector-label"
          value={label}
          maxLength={500}
          dir="auto"
          placeholder={t('connector-label-placeholder')}
          onChange={(e) => style({ label: e.target.value })}
        />
      </label>
    </Section>
  )
}

function NoteSection({ editor, notes }: { editor: Editor; notes: NoteRecord[] }) {
  return (
    <Section title={t('inspector-note', notes.length)}>
      <Choice
        label={t('note-step')}
        testId="note-step"
        value={same(notes.map((n) => n.step))}
        options={[
          { value: 'none', label: t('note-step-none') },
          { value: 'exists', label: t('note-step-exists') },
          { value: 'missing', label: t('note-step-missing') },
        ]}
        onPick={(step) => editor.run(setNoteProps, { step })}
      />
      <label className="inspector-row">
        <span className="inspector-label">{t('note-involved')}</span>
        <input
          className="text-input"
          data-testid="note-involved"
          value={same(notes.map((n) => n.involved)) ?? ''}
          maxLength={500}
          dir="auto"
          placeholder={t('note-involved-placeholder')}
          onChange={(e) => editor.run(setNoteProps, { involved: e.target.value })}
        />
      </label>
      <TagPicker editor={editor} notes={notes} />
    </Section>
  )
}

function FrameSection({ editor, frame }: { editor: Editor; frame: FrameRecord }) {
  const lanes = frame.lanes
  const save = (next: typeof lanes) => editor.run(setLanes, { frameId: frame.id, lanes: next })
  return (
    <Section title={t('inspector-frame')}>
      <div className="lane-list" data-testid="lane-list">
        {lanes.map((lane, i) => (
          <div className="lane-row" key={lane.id}>
            <input
              className="text-input"
              aria-label={t('lane-name', i + 1)}
              value={lane.title}
              maxLength={200}
              dir="auto"
              placeholder={t('lane-untitled')}
              onChange={(e) =>
                save(lanes.map((l) => (l.id === lane.id ? { ...l, title: e.target.value } : l)))
              }
            />
            <button
              type="button"
              className="small-button"
              title={t('action-tidy-lane')}
              onClick={() => editor.run(tidyLane, { frameId: frame.id, laneId: lane.id })}
            >
              {t('lane-tidy')}
            </button>
            <button
              type="button"
              className="small-button"
              aria-label={t('lane-remove', lane.title || t('lane-untitled'))}
              title={t('lane-remove', lane.title || t('lane-untitled'))}
              onClick={() => save(lanes.filter((l) => l.id !== lane.id))}
            >
              ×
            </button>
          </div>
        ))}
      </div>
      <div className="inspector-actions">
        <button
          type="button"
          className="small-button"
          data-testid="lane-add"
          disabled={lanes.length >= 12}
          onClick={() => save([...lanes, newLane(t('lane-default-title', lanes.length + 1))])}
        >
          {t('lane-add')}
        </button>
        {lanes.length === 0 && (
          <button
            type="button"
            className="small-button"
            onClick={() => editor.run(tidyLane, { frameId: frame.id, laneId: null })}
          >
            {t('lane-tidy')}
          </button>
        )}
        <button
          type="button"
          className="small-button"
          onClick={() => editor.run(zoomToFrame, frame.id)}
        >
          {t('action-zoom-frame')}
        </button>
      </div>
    </Section>
  )
}
