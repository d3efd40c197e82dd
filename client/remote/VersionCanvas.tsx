/**
 * A past version on the canvas, read-only, in the board's place: a banner says which version and
 * leads back to now (or, for facilitators, restores it); records that are gone or changed since
 * are ringed.
 */
import { BoardCanvas } from '../canvas/BoardCanvas.tsx'
import type { Editor } from '../editor/editor.ts'
import { t, type MessageKey } from '../i18n/i18n.ts'
import { useStore } from '../lib/store.ts'
import { ZoomControls } from '../ui/ZoomControls.tsx'
import { formatTime } from './time.ts'
import { boxOfRecord } from './walk.ts'
import { closeVersion, type OpenVersion } from './versionView.ts'

const MAX_MARKS = 200
const MARK_CLASS = { removed: 'deleted', changed: 'edited', added: 'new' } as const

export function VersionCanvas({ open }: { open: OpenVersion }) {
  const { editor } = open
  return (
    <>
      <BoardCanvas editor={editor} tools={open.tools} readOnly />
      <VersionMarks open={open} />
      <ZoomControls editor={editor} />
    </>
  )
}

function VersionMarks({ open }: { open: OpenVersion }) {
  const camera = useStore(open.editor.view, (s) => s.camera)
  const marks = [...open.marks]
    .flatMap(([id, status]) => {
      const box = boxOfRecord(open.editor, id)
      return box ? [{ id, box, status }] : []
    })
    .slice(0, MAX_MARKS)
  const pad = 6
  return (
    <div className="catchup-rings version-marks" aria-hidden="true">
      {marks.map(({ id, box, status }) => (
        <div
          key={id}
          className={`catchup-ring catchup-ring--${MARK_CLASS[status]}`}
          data-testid="version-mark"
          data-status={status}
          style={{
            left: box.x * camera.scale + camera.x - pad,
            top: box.y * camera.scale + camera.y - pad,
            width: box.w * camera.scale + 2 * pad,
            height: box.h * camera.scale + 2 * pad,
          }}
        >
          <span className="catchup-tag">{t(`version-mark-${status}` as MessageKey)}</span>
        </div>
      ))}
    </div>
  )
}

/** Above the board: which version is shown, "Back to now" and, for facilitators, restore. */
export function VersionBanner({ live, open }: { live: Editor; open: OpenVersion }) {
  const { version } = open
  const added = open.diff.filter((d) => d.status === 'added').length
  return (
    <div className="banner version-banner" role="status" data-testid="version-banner">
      <span>
        {t('version-viewing', version.name, formatTime(version.createdAt))}
        {added > 0 && ` · ${t('version-added-since', added)}`}
      </span>
      <button
        type="button"
        className="button"
        onClick={() => closeVersion(live)}
        data-testid="version-back"
      >
        {t('version-back')}
      </button>
      {open.restore && (
        <button
          type="button"
          className="button"
          onClick={open.restore}
          data-testid="version-restore"
        >
          {t('history-restore-all')}
        </button>
      )}
    </div>
  )
}
