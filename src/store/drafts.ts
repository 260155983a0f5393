/**
 * Where the store keeps unsent drafts across a page reload: one entry per conversation, in the
 * tab's `sessionStorage` by default (a draft is the agent's work in this tab, not a record to keep
 * after the tab is closed). A storage that fails (full, disabled by the browser) only costs the
 * reload copy: the draft stays in the store.
 */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'agent-desk:draft:';

/** The tab's sessionStorage, or null where it is not available (sandboxed frame, server). */
export function defaultDraftStorage(): DraftStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** Drafts are kept per agent: another agent signing in in this tab never sees them. */
const prefixOf = (agentId: string) => `${PREFIX}${encodeURIComponent(agentId)}:`;

/** The drafts this agent left on a previous page of this tab, by conversation id. */
export function loadDrafts(storage: DraftStorage | null, agentId: string): Map<string, string> {
  const drafts = new Map<string, string>();
  if (!storage) return drafts;
  const prefix = prefixOf(agentId);
  try {
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (!key?.startsWith(prefix)) continue;
      const text = storage.getItem(key);
      if (text) drafts.set(key.slice(prefix.length), text);
    }
  } catch {
    // Unreadable storage: start without the previous page's drafts.
  }
  return drafts;
}

/** Keeps (or, for an empty text, forgets) a conversation's draft for the next page of this tab. */
export function saveDraft(storage: DraftStorage | null, agentId: string, conversationId: string, text: string): void {
  if (!storage) return;
  const key = prefixOf(agentId) + conversationId;
  try {
    if (text) storage.setItem(key, text);
    else storage.removeItem(key);
  } catch {
    // Full or disabled storage: the draft stays in the store, only the reload copy is lost.
  }
}
