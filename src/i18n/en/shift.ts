import type { Availability, CobrowseOption } from '../../model/types.js';

/** Strings of the agent's shift: <agent-status> (availability per channel) and co-browsing in <chat-box>. */
export const shift = {
  // <agent-status>
  /** The status region's name. */
  agentStatus: (name: string) => `${name}’s availability`,
  availability: 'Availability',
  availabilityPanel: 'Availability per channel',
  /** A channel's name before its status in the summary. */
  summaryChannel: (channel: string) => `${channel}:`,
  allChannels: 'All channels',
  noChannels: 'No channels to serve.',
  status: { available: 'Available', busy: 'Busy', unavailable: 'Unavailable' } as Record<Availability, string>,
  limitReached: (count: number, max: number) => `Limit reached (${count}/${max})`,
  /** One channel in the summary and in announcements. */
  channelStatus: (channel: string, status: string, reason?: string) =>
    reason ? `${channel}: ${status}, ${reason}` : `${channel}: ${status}`,
  /** Announced when a channel's status changes. */
  channelNow: (channel: string, status: string, reason?: string) =>
    reason ? `${channel} is now ${status}: ${reason}` : `${channel} is now ${status}`,
  /** While the server has not confirmed the choice. */
  saving: 'Saving…',
  // Co-browsing in <chat-box>
  cancelRequest: 'Cancel request',
  stopControl: 'Stop control',
  cobrowseOptions: 'What you see of the visitor’s screen',
  option: {
    mouse: 'Show visitor’s mouse',
    input: 'Show visitor’s form input',
    scroll: 'Show visitor’s scroll position',
  } as Record<CobrowseOption, string>,
  /** Thread lines of the states the thread section does not name. */
  line: {
    cancelled: 'Co-browsing request cancelled',
    expired: 'Co-browsing request expired: the visitor did not answer',
  },
  preview: { cancelled: 'Co-browsing cancelled', expired: 'Co-browsing request expired' },
  /** Why "Open current page" and "Take control" are disabled on a non-web channel. */
  notOnWebsite: (channel: string) => `Not available on ${channel}: the visitor is not on the website.`,
  /** Shown beside "Open current page" (visible text, not only its description). */
  sessionNotCarried: 'Without the visitor’s session (basket, login)',
};
export type ShiftStrings = typeof shift;
