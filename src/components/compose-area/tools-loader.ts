import type * as Tools from './compose-tools.js';

export type ToolsModule = typeof Tools;

/**
 * Where `<compose-area>` gets its on-demand part (compose-tools.ts: the link, offer and emoji
 * panels, attachments, the canned answers list): loaded by the first composer that needs it,
 * shared by every composer from then on.
 */
export const toolsChunk: { module?: ToolsModule; pending?: Promise<ToolsModule>; load(): Promise<ToolsModule> } = {
  load: () => import('./compose-tools.js'),
};

/** The tools module, loaded once; a failed load is tried again on the next call. */
export function loadTools(): Promise<ToolsModule> {
  return (toolsChunk.pending ??= toolsChunk.load().then(
    (module) => (toolsChunk.module = module),
    (error: unknown) => {
      toolsChunk.pending = undefined;
      throw error;
    },
  ));
}
