/** The arrow being drawn, from its start to the pointer or to the item it would attach to. */
import type Konva from 'konva'
import { Rect, Shape } from 'react-konva'
import { connectorPath } from '../../shared/geometry/index.ts'
import { recordTypes } from '../../shared/schema/index.ts'
import type { Editor } from '../editor/editor.ts'
import { useStore } from '../lib/store.ts'
import { drawConnector, markScale } from './connectorDraw.ts'
import { ACCENT } from './palette.ts'

const STYLE = { ...recordTypes.connector.defaults(), color: 'blue' as const }

export function ConnectorDraft({ editor }: { editor: Editor }) {
  const draft = useStore(editor.view, (s) => s.connectorDraft)
  const scale = useStore(editor.view, (s) => s.camera.scale)
  if (!draft) return null
  const target = draft.targetId ? editor.items.get(draft.targetId) : undefined
  const path = connectorPath(
    { from: draft.from, to: { itemId: target?.id ?? null, ...draft.to } },
    (id) => editor.items.get(id),
  )
  const k = markScale(scale)
  return (
    <>
      {target && (
        <Rect
          x={target.x - 4 / scale}
          y={target.y - 4 / scale}
          width={target.w + 8 / scale}
          height={target.h + 8 / scale}
          stroke={ACCENT}
          strokeWidth={3 / scale}
          cornerRadius={6 / scale}
          listening={false}
        />
      )}
      <Shape
        listening={false}
        sceneFunc={(ctx: Konva.Context) =>
          drawConnector(ctx._context, path.start, path.end, STYLE, k)
        }
      />
    </>
  )
}
