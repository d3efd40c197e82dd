/** All comments of the board as a subscription (re-read on each change of the collection). */
import { useEffect, useState } from 'react'
import { comments } from '../../shared/doc/index.ts'
import type { CommentRecord } from '../../shared/schema/index.ts'
import type { Editor } from '../editor/editor.ts'

export function useComments(editor: Editor): CommentRecord[] {
  const [all, setAll] = useState(() => comments(editor.doc).all())
  useEffect(() => {
    const coll = comments(editor.doc)
    setAll(coll.all())
    return coll.observe(() => setAll(coll.all()))
  }, [editor])
  return all
}
