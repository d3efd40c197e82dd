import { connectors, LOCAL_ORIGIN } from '../../shared/doc/index.ts'
import type { ConnectorStylePatch } from './createConnector.ts'
import { defineAction } from './registry.ts'

/** Restyles the selected connectors: line, arrowheads, mark, label, colour. */
export const setConnectorStyle = defineAction<ConnectorStylePatch>({
  id: 'setConnectorStyle',
  label: 'action-connector-style',
  mutates: true,
  enabled: (editor) => editor.selectedConnectors().length > 0,
  perform(editor, patch) {
    const ids = editor.selectedConnectors().map((c) => c.id)
    connectors(editor.doc).update(
      ids.map((id) => [id, { ...patch }]),
      LOCAL_ORIGIN,
    )
  },
})
