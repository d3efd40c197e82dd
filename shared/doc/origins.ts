/**
 * Transaction origins. Edits made by this client's user run with LOCAL_ORIGIN so that the undo
 * manager tracks them and nothing else; remote updates arrive with the provider as origin.
 */
export const LOCAL_ORIGIN = 'local-user'
/** Changes made by the app itself (templates, migrations): neither undoable nor a user's edit. */
export const SYSTEM_ORIGIN = 'system'
