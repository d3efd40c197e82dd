/**
 * Following someone's view (from their presence), the facilitator's "bring everyone here", and
 * the projector's presenter options. Viewers follow the facilitator unless they choose otherwise.
 */
import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useCoverRects } from '../canvas/covers.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { TOPBAR_SLOT } from '../ui/TopBar.tsx'
import { useStore } from '../lib/store.ts'
import { contains, currentView, showRect } from './camera.ts'
import type { FacilitationClient } from './facilitationClient.ts'

/** Sends this person's view to the others, at most 4 times a second. */
export function usePublishViewport(editor: Editor) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const send = () => {
      timer = null
      const v = currentView(editor)
      if (!Number.isFinite(v.w) || v.w <= 0) return
      const round = (n: number) => Math.round(n)
      editor.session.awareness.setLocalStateField('viewport', {
        x: round(v.x),
        y: round(v.y),
        w: round(v.w),
      })
    }
    const stop = editor.view.subscribe(() => {
      timer ??= setTimeout(send, 250)
    })
    send()
    return () => {
      stop()
      if (timer) clearTimeout(timer)
    }
  }, [editor])
}

/** Jumps to the facilitator's view when they bring everyone (or this person's poster) there. */
export function useFocusCalls(editor: Editor, fac: FacilitationClient) {
  const focus = useStore(fac.state, (s) => s.facilitation.focus)
  // Calls made before this page opened are history, not a call to follow now.
  const openedAt = useRef<number | null>(null)
  useEffect(() => {
    openedAt.current ??= focus?.at ?? 0
    if (!focus || focus.at <= openedAt.current || editor.user.role === 'facilitator') return
    openedAt.current = focus.at
    if (focus.frameId) {
      const frame = editor.items.get(focus.frameId)
      const v = currentView(editor)
      const centre = { x: v.x + v.w / 2, y: v.y + v.h / 2 }
      if (!frame || !contains(frame, centre)) return
    }
    showRect(editor, focus)
  }, [focus, editor])
}

export function FollowBar({ editor }: { editor: Editor }) {
  const peers = useStore(editor.presence, (p) => p)
  const viewer = editor.user.role === 'viewer'
  const [choice, setChoice] = useState<string | null>(viewer ? 'facilitator' : null)
  const large = useStore(editor.view, (s) => s.largeText)
  const cursors = useStore(editor.view, (s) => s.showCursors)
  const setLarge = (next: (v: boolean) => boolean) => editor.view.set({ largeText: next(large) })
  const [contrast, setContrast] = useState(false)
  // A projector shows the board, not everyone's pointer, unless asked to.
  useEffect(() => {
    if (viewer) editor.view.set({ showCursors: false })
  }, [editor, viewer])
  const target =
    choice === 'facilitator'
      ? peers.find((p) => p.user.role === 'facilitator' && p.viewport)
      : peers.find((p) => p.user.id === choice)

  // What the followed person points at: a poster they selected is shown whole, large enough to
  // read (their own screen may be smaller, or zoomed out); otherwise what they see.
  const pointed = pointedPoster(editor, target?.selection)
  // A pointed poster is fitted again when an overlay (the timer, large text) changes size.
  const covers = useCoverRects()
  useEffect(() => {
    editor.session.awareness.setLocalStateField('following', target?.user.id ?? null)
    const v = target?.viewport
    if (pointed) showRect(editor, withMargin(pointed), true)
    else if (v) showRect(editor, v)
  }, [editor, target?.user.id, target?.viewport, pointed, covers])

  useEffect(() => {
    document.body.classList.toggle('presenter-large', large)
    document.body.classList.toggle('presenter-contrast', contrast)
    return () => document.body.classList.remove('presenter-large', 'presenter-contrast')
  }, [large, contrast])

  const slot = useTopBarSlot()
  const others = peers.filter((p) => p.viewport)
  if (!slot) return null
  return createPortal(
    <div className="fac-follow" data-testid="follow-bar">
      <label>
        <span className="visually-hidden">{t('fac-follow')}</span>
        <select
          value={choice ?? ''}
          onChange={(e) => setChoice(e.target.value || null)}
          aria-label={t('fac-follow')}
          data-testid="follow-select"
        >
          <option value="">{t('fac-follow-nobody')}</option>
          <option value="facilitator">{t('fac-follow-facilitator')}</option>
          {others.map((p) => (
            <option key={p.clientId} value={p.user.id}>
              {t('fac-follow-person', p.user.name)}
            </option>
          ))}
        </select>
      </label>
      {viewer && (
        <>
          <button
            type="button"
            className={`fac-small${large ? ' button--pressed' : ''}`}
            aria-pressed={large}
            onClick={() => setLarge((v) => !v)}
            data-testid="presenter-large"
          >
            {t('fac-large-text')}
          </button>
          <button
            type="button"
            className={`fac-small${cursors ? ' button--pressed' : ''}`}
            aria-pressed={cursors}
            onClick={() => editor.view.set({ showCursors: !cursors })}
            data-testid="presenter-cursors"
          >
            {t('fac-show-cursors')}
          </button>
          <button
            type="button"
            className={`fac-small${contrast ? ' button--pressed' : ''}`}
            aria-pressed={contrast}
            onClick={() => setContrast((v) => !v)}
            data-testid="presenter-contrast"
          >
            {t('fac-high-contrast')}
          </button>
        </>
      )}
    </div>,
    slot,
  )
}

/** The top bar's slot for controls, once the bar is in the page. */
function useTopBarSlot(): HTMLElement | null {
  const [slot, setSlot] = useState<HTMLElement | null>(null)
  useEffect(() => setSlot(document.getElementById(TOPBAR_SLOT)), [])
  return slot
}

/** The poster someone has selected alone, as a stable key-able rectangle, or null. */
function pointedPoster(
  editor: Editor,
  selection: readonly string[] | undefined,
): { x: number; y: number; w: number; h: number } | null {
  if (selection?.length !== 1) return null
  const item = editor.items.get(selection[0]!)
  return item?.kind === 'frame' ? item : null
}

const withMargin = (r: { x: number; y: number; w: number; h: number }) => {
  const m = Math.max(r.w, r.h) * 0.04
  return { x: r.x - m, y: r.y - m, w: r.w + 2 * m, h: r.h + 2 * m }
}
