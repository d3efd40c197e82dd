/**
 * Photos dropped on the canvas or pasted onto the board: each is uploaded to the server, then
 * placed where it was dropped (or in view, when pasted). A refusal says why, briefly.
 */
import { useEffect, useState } from 'react'
import { placeImage } from '../actions/placeImage.ts'
import { screenToBoard, type Point } from '../canvas/viewport.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { IMAGE_TYPES, uploadImage } from './upload.ts'

const isPicture = (f: File) => (IMAGE_TYPES as readonly string[]).includes(f.type)

export function ImageDrop({ editor }: { editor: Editor }) {
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    const { boardId, token } = editor.session.options
    const place = async (files: File[], at: Point) => {
      for (const [i, file] of files.entries()) {
        try {
          const image = await uploadImage(boardId, token, file)
          const offset = i * 40
          editor.run(placeImage, {
            image,
            at: { x: at.x + offset, y: at.y + offset },
            alt: file.name.replace(/\.[a-z0-9]+$/i, ''),
          })
          setError(null)
        } catch (err) {
          setError((err as Error).message)
        }
      }
    }
    const canvas = () => document.querySelector<HTMLElement>('[data-testid=board-canvas]')
    const onDragOver = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault()
    }
    const onDrop = (e: DragEvent) => {
      const files = [...(e.dataTransfer?.files ?? [])].filter(isPicture)
      const el = canvas()
      if (!el || files.length === 0) return
      e.preventDefault()
      const r = el.getBoundingClientRect()
      const at = screenToBoard(editor.view.get().camera, {
        x: e.clientX - r.left,
        y: e.clientY - r.top,
      })
      void place(files, at)
    }
    const onPaste = (e: ClipboardEvent) => {
      const files = [...(e.clipboardData?.files ?? [])].filter(isPicture)
      if (files.length === 0) return
      e.preventDefault()
      void place(files, editor.placementPoint())
    }
    const el = canvas()
    el?.addEventListener('dragover', onDragOver)
    el?.addEventListener('drop', onDrop)
    document.addEventListener('paste', onPaste)
    return () => {
      el?.removeEventListener('dragover', onDragOver)
      el?.removeEventListener('drop', onDrop)
      document.removeEventListener('paste', onPaste)
    }
  }, [editor])
  if (!error) return null
  return (
    <div className="banner image-error" role="alert" data-testid="image-error">
      {t('image-refused', error)}
      <button type="button" className="link-button" onClick={() => setError(null)}>
        {t('close')}
      </button>
    </div>
  )
}
