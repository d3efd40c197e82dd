/**
 * The ids to draw: items in view (plus the ones being dragged or edited), in drawing order.
 * Recomputed when items or the camera change; listeners hear only when the list itself changes.
 */
import { compareDrawOrder } from '../../shared/doc/index.ts'
import type { Item } from '../../shared/schema/index.ts'
import type { Editor } from '../editor/editor.ts'
import { shallowEqual } from '../lib/store.ts'
import { isLowDetail } from './lod.ts'
import { DerivedStore } from '../lib/derivedStore.ts'
import { visibleRect } from './viewport.ts'

/** Screen pixels drawn beyond the edges, so panning does not show blank borders. */
const MARGIN = 200

export class VisibleItems extends DerivedStore {
  private ids: string[] = []
  private lastCamera: unknown = null
  private lastSize: unknown = null
  private lastDrag: unknown = null

  constructor(private readonly editor: Editor) {
    super()
    this.recompute()
  }

  /** Listens to the stores only while someone listens here (safe under StrictMode remounts). */
  protected connect(): (() => void)[] {
    this.recompute()
    const editor = this.editor
    return [
      editor.items.subscribe(() => this.recompute()),
      editor.view.subscribe(() => {
        const s = editor.view.get()
        if (s.camera !== this.lastCamera || s.size !== this.lastSize || s.drag !== this.lastDrag) {
          this.recompute()
        }
      }),
    ]
  }

  private recompute(): void {
    const { camera, size, drag, editing } = this.editor.view.get()
    this.lastCamera = camera
    this.lastSize = size
    this.lastDrag = drag
    const always = new Set(drag?.ids ?? [])
    if (editing) always.add(editing.id)
    const store = this.editor.items
    if (isLowDetail(camera.scale)) {
      // Far out the items layer draws from the store in one pass; no per-item list is needed.
      if (this.ids.length === 0) return
      this.ids = []
      this.notify()
      return
    }
    const hits = store.index.query(visibleRect(camera, size, MARGIN))
    for (const id of always) if (store.get(id)) hits.add(id)
    const all = store.all()
    // Many hits: filtering the ordered list beats sorting them.
    const next =
      hits.size * 8 > all.length
        ? all.filter((i) => hits.has(i.id)).map((i) => i.id)
        : [...hits]
            .map((id) => store.get(id))
            .filter((i): i is Item => i !== undefined)
            .sort(compareDrawOrder)
            .map((i) => i.id)
    if (shallowEqual(next, this.ids)) return
    this.ids = next
    this.notify()
  }

  get = (): string[] => this.ids
}
