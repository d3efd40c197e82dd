import { zoomIn, zoomOut, zoomToFit, resetZoom } from '../actions/zoom.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { useStore } from '../lib/store.ts'
import { Icon } from './icons.tsx'

export function ZoomControls({ editor }: { editor: Editor }) {
  const scale = useStore(editor.view, (s) => s.camera.scale)
  return (
    <div className="zoom-controls" role="group" aria-label={t('zoom-label')}>
      <button
        type="button"
        className="icon-button"
        aria-label={t(zoomOut.label)}
        title={t(zoomOut.label)}
        onClick={() => editor.run(zoomOut, undefined)}
      >
        <Icon name="minus" />
      </button>
      <button
        type="button"
        className="zoom-value"
        title={t(resetZoom.label)}
        onClick={() => editor.run(resetZoom, undefined)}
      >
        {t('zoom-percent', Math.round(scale * 100))}
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t(zoomIn.label)}
        title={t(zoomIn.label)}
        onClick={() => editor.run(zoomIn, undefined)}
      >
        <Icon name="plus" />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t(zoomToFit.label)}
        title={t('tooltip-with-key', t(zoomToFit.label), 'Shift+1')}
        onClick={() => editor.run(zoomToFit, undefined)}
      >
        <Icon name="fit" />
      </button>
    </div>
  )
}
