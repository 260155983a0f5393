import type { AgentChannel, Availability, Channel, Conversation } from './types.js';

/** Channels whose visitor is on the website: only they have a page to open and a screen to share. */
const WEB_CHANNELS: ReadonlySet<string> = new Set(['chat']);

/** True when the conversation's visitor is on the website (live chat), not on email, SMS or a messaging app. */
export function isWebChannel(channel: Channel): boolean {
  return WEB_CHANNELS.has(channel);
}

/** The agent's availability on one channel as the desk shows it. */
export interface ChannelStatus {
  readonly channel: Channel;
  /** What the desk shows: the agent's choice, or `busy` when the channel's limit is reached. */
  readonly availability: Availability;
  /** What the agent (or the server) chose. */
  readonly chosen: Availability;
  /** Ongoing conversations of this channel. */
  readonly ongoing: number;
  readonly maxConversations?: number;
  /** Busy because `ongoing` reached `maxConversations` (only ever over a chosen "Available"). */
  readonly limitReached: boolean;
}

/**
 * Each channel's status: an "Available" channel whose ongoing conversations reach its limit shows
 * "Busy" until one ends; a chosen "Busy" or "Unavailable" is never overridden.
 */
export function channelStatuses(
  channels: readonly AgentChannel[],
  conversations: Iterable<Conversation>,
  pending: ReadonlyMap<string, Availability> = new Map(),
): ChannelStatus[] {
  const ongoing = new Map<string, number>();
  for (const conversation of conversations) {
    if (conversation.status === 'ongoing')
      ongoing.set(conversation.channel, (ongoing.get(conversation.channel) ?? 0) + 1);
  }
  return channels.map((entry) => {
    const chosen = pending.get(entry.channel) ?? entry.availability;
    const count = ongoing.get(entry.channel) ?? 0;
    const limitReached =
      chosen === 'available' && entry.maxConversations !== undefined && count >= entry.maxConversations;
    return {
      channel: entry.channel,
      availability: limitReached ? 'busy' : chosen,
      chosen,
      ongoing: count,
      ...(entry.maxConversations !== undefined ? { maxConversations: entry.maxConversations } : {}),
      limitReached,
    };
  });
}

/** Two lists of statuses show the same thing. */
export function sameStatuses(a: readonly ChannelStatus[], b: readonly ChannelStatus[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i];
      return (
        x.channel === y.channel &&
        x.availability === y.availability &&
        x.chosen === y.chosen &&
        x.ongoing === y.ongoing &&
        x.maxConversations === y.maxConversations
      );
    })
  );
}

/** Replaces the channels of the same name, keeps the others, appends new ones. */
export function mergeChannels(current: readonly AgentChannel[], updates: readonly AgentChannel[]): AgentChannel[] {
  const byName = new Map(updates.map((entry) => [entry.channel, entry]));
  const merged = current.map((entry) => byName.get(entry.channel) ?? entry);
  const known = new Set(current.map((entry) => entry.channel));
  for (const entry of updates) if (!known.has(entry.channel)) merged.push(entry);
  return merged;
}
