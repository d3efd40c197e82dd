import type { UserAction } from './registry.ts'
import { defineAction, hasSelection } from './registry.ts'
import { moveItems } from './moveItems.ts'
import { withChildren } from '../editor/frames.ts'

/** Arrow keys move the selection by a pixel; with Shift by ten. */
const nudge = (key: string, dx: number, dy: number): UserAction[] =>
  [1, 10].map((step) =>
    defineAction({
      id: `nudge-${key}-${step}`,
      label: 'action-nudge',
      keys: [step === 1 ? key : `Shift+${key}`],
      mutates: true,
      enabled: hasSelection,
      perform(editor) {
        const ids = withChildren(editor.view.get().selection, editor.items.all())
        moveItems.perform(editor, { ids, dx: dx * step, dy: dy * step })
      },
    }),
  )

export const nudgeActions: UserAction[] = [
  ...nudge('ArrowLeft', -1, 0),
  ...nudge('ArrowRight', 1, 0),
  ...nudge('ArrowUp', 0, -1),
  ...nudge('ArrowDown', 0, 1),
]
