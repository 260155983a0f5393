/** Strings shared by several elements. Each section file is owned by the element(s) named in it. */
export const common = {
  visitorFallbackName: (n: number) => `Visitor #${n}`,
  noStore: 'The desk is not connected.',
  loading: 'Loading…',
  close: 'Close',
  cancel: 'Cancel',
  confirm: 'Confirm',
  /** The block confirmation, the same in the thread header and the visitor panel. */
  blockDialog: {
    title: (name: string) => `Block ${name}?`,
    description: (name: string) =>
      `${name} will no longer be able to send you messages or start new conversations. Only a manager can unblock them, from customer management.`,
    reason: 'Reason (optional)',
    confirm: 'Block',
  },
  channel: {
    chat: 'Live chat',
    facebook: 'Facebook',
    whatsapp: 'WhatsApp',
    instagram: 'Instagram',
    sms: 'SMS',
    email: 'Email',
    'apple-business-chat': 'Apple Messages',
  } as Record<string, string>,
  /** One-line plain-text previews of a message (lists, notifications): see messagePreview() in i18n/names.ts. */
  preview: {
    cobrowsing: {
      requested: 'Co-browsing requested',
      started: 'Co-browsing started',
      ended: 'Co-browsing ended',
      declined: 'Co-browsing declined',
    } as Record<'requested' | 'started' | 'ended' | 'declined', string>,
    transfer: (to: string) => `Transferred to ${to}`,
    transferTeam: (team: string) => `Transferred to the ${team} team`,
    file: (name: string) => `File: ${name}`,
    image: 'Image',
    imageNamed: (alt: string) => `Image: ${alt}`,
    offer: (title: string) => `Offer: ${title}`,
    unsupported: (type: string) => `Unsupported content (${type})`,
    visited: (page: string) => `Visited ${page}`,
  },
  connection: {
    connecting: 'Connecting…',
    online: 'Connected',
    offline: 'Offline — messages will be sent when the connection is back.',
    reconnecting: 'Reconnecting…',
  },
  durationJustNow: 'just now',
};
export type CommonStrings = typeof common;
