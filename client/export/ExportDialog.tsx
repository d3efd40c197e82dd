/**
 * The board's export menu: text formats from the server with the board's token, pictures made
 * here (PNG and SVG of the board or one poster, a PDF with one poster a page) with progress.
 */
import { useState } from 'react'
import { readMeta } from '../../shared/doc/index.ts'
import type { ExportFormat } from '../../shared/export/index.ts'
import { posters } from '../../shared/export/picture.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { Dialog } from '../ui/Dialog.tsx'
import { fileStem, saveBlob } from './download.ts'
import { imageUrl } from '../images/upload.ts'
import { loadImages, pngFromSvg, postersPdf, svgBlob, svgPicture } from './pictures.ts'
import { fetchTextExport } from './textExport.ts'

const TEXT_FORMATS: { format: ExportFormat; label: Parameters<typeof t>[0] }[] = [
  { format: 'wikitext', label: 'export-wikitext' },
  { format: 'markdown', label: 'export-markdown' },
  { format: 'json', label: 'export-json' },
  { format: 'csv', label: 'export-csv' },
]

interface Props {
  editor: Editor
  boardId: string
  token: string
  onClose: () => void
}

export function ExportDialog({ editor, boardId, token, onClose }: Props) {
  const doc = editor.doc
  const [frames] = useState(() => posters(doc))
  const [scope, setScope] = useState<string>(() => selectedPoster(editor) ?? '')
  const [busy, setBusy] = useState(false)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [error, setError] = useState('')

  const run = async (task: () => Promise<void>) => {
    setBusy(true)
    setError('')
    try {
      await task()
    } catch (err) {
      setError(t('export-failed', (err as Error).message))
    } finally {
      setBusy(false)
      setProgress(null)
    }
  }

  const stem = () => {
    const board = fileStem(readMeta(doc).title)
    const frame = frames.find((f) => f.id === scope)
    return frame ? `${board}-${fileStem(frame.title, 'poster')}` : board
  }

  const photos = () => loadImages(doc, (hash) => imageUrl(boardId, token, hash))
  const picture = async () => {
    const p = svgPicture(doc, scope || null, await photos())
    if (!p) throw new Error(t('export-poster-gone'))
    return p
  }

  return (
    <Dialog title={t('export-title')} onClose={onClose}>
      <div className="export-dialog" data-testid="export-dialog">
        <section>
          <h3>{t('export-text-heading')}</h3>
          <p className="dialog-text">{t('export-text-intro')}</p>
          <div className="export-buttons">
            {TEXT_FORMATS.map(({ format, label }) => (
              <button
                key={format}
                type="button"
                className="button button--secondary"
                data-testid={`export-${format}`}
                disabled={busy}
                onClick={() =>
                  run(async () => {
                    const { blob, filename } = await fetchTextExport(boardId, token, format)
                    saveBlob(blob, filename)
                  })
                }
              >
                {t(label)}
              </button>
            ))}
          </div>
        </section>
        <section>
          <h3>{t('export-pictures-heading')}</h3>
          <label className="field">
            <span>{t('export-scope')}</span>
            <select
              className="text-input"
              data-testid="export-scope"
              value={scope}
              onChange={(e) => setScope(e.target.value)}
            >
              <option value="">{t('export-scope-board')}</option>
              {frames.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.title.trim() || t('frame-untitled')}
                </option>
              ))}
            </select>
          </label>
          <div className="export-buttons">
            <button
              type="button"
              className="button button--secondary"
              data-testid="export-png"
              disabled={busy}
              onClick={() =>
                run(async () => saveBlob(await pngFromSvg(await picture()), `${stem()}.png`))
              }
            >
              {t('export-png')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              data-testid="export-svg"
              disabled={busy}
              onClick={() => run(async () => saveBlob(svgBlob(await picture()), `${stem()}.svg`))}
            >
              {t('export-svg')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              data-testid="export-pdf"
              disabled={busy || frames.length === 0}
              onClick={() =>
                run(async () => {
                  const title = readMeta(doc).title
                  const pdf = await postersPdf(
                    doc,
                    title,
                    (done, total) => setProgress({ done, total }),
                    await photos(),
                  )
                  saveBlob(pdf, `${fileStem(title)}-posters.pdf`)
                })
              }
            >
              {t('export-pdf', frames.length)}
            </button>
          </div>
        </section>
        {progress && (
          <div className="export-progress" data-testid="export-progress" role="status">
            <progress value={progress.done} max={Math.max(1, progress.total)} />
            <span>{t('export-progress', progress.done, progress.total)}</span>
          </div>
        )}
        {busy && !progress && (
          <p className="dialog-text" role="status">
            {t('export-working')}
          </p>
        )}
        {error && (
          <p className="error" role="alert" data-testid="export-error">
            {error}
          </p>
        )}
      </div>
    </Dialog>
  )
}

/** The poster that is selected, or that the selected items are on. */
function selectedPoster(editor: Editor): string | null {
  for (const item of editor.selectedItems()) {
    if (item.kind === 'frame') return item.id
    if (item.parentId && editor.items.get(item.parentId)?.kind === 'frame') return item.parentId
  }
  return null
}
