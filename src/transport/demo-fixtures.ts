import type { Agent, AgentChannel, Conversation, Fixtures, Message, Visitor } from '../model/types.js';

type Line = [
  offsetSeconds: number,
  author: Message['author'],
  content: Record<string, unknown>,
  extra?: Partial<Message>,
];

function at(now: number, secondsAgo: number): string {
  return new Date(now - secondsAgo * 1000).toISOString();
}

function thread(now: number, conversationId: string, startedSecondsAgo: number, lines: Line[]): Message[] {
  return lines.map(([offset, author, content, extra], index) => ({
    id: `${conversationId}-m${index + 1}`,
    conversationId,
    author,
    at: at(now, startedSecondsAgo - offset),
    ...(author === 'agent' ? { authorName: 'Alex Martin', status: 'read' as const } : {}),
    ...(author === 'bot' ? { authorName: 'Ava (bot)' } : {}),
    ...content,
    ...extra,
  })) as Message[];
}

export interface DemoFixturesOptions {
  /**
   * Where the demo's images are served (a folder URL ending in "/"). Default: the images shipped
   * beside this module (`demo-images/`), on the same origin as the code that loads it; a
   * server-side copy of the data (e.g. the reference server in Node) passes the page's address.
   */
  images?: string | URL;
  /**
   * The agent signed in (default Alex Martin, an agent): the snapshot names this agent and the
   * demo's earlier agent replies are signed with this name. Pass the same agent as to `DeskStore`.
   */
  agent?: Agent;
}

/**
 * The demo's pictures: small files shipped with the package, so a thread's image loads from
 * wherever the code was served (no third-party host). Each path below is a literal relative to
 * this module, so the build copies the file beside the bundle (scripts/rollup-import-meta-assets.mjs).
 */
function demoImages(base: string | URL | undefined) {
  return base
    ? {
        wornBoots: new URL('worn-boots.jpg', base).href,
        trailProOffer: new URL('trail-pro-offer.jpg', base).href,
      }
    : {
        wornBoots: new URL('./demo-images/worn-boots.jpg', import.meta.url).href,
        trailProOffer: new URL('./demo-images/trail-pro-offer.jpg', import.meta.url).href,
      };
}

/**
 * A time of day that differs from one past conversation to the next (a few hours and minutes
 * more than whole days ago), so the visitor history does not list every entry at the same clock time.
 */
function clockOffset(index: number): number {
  return ((index * 5 + 2) % 9) * 3600 + ((index * 17 + 11) % 60) * 60;
}

/**
 * A believable desk: seven ongoing conversations on different channels, visitors with full
 * profiles and custom data, a returning visitor with past conversations (two in the snapshot,
 * eight more in the server's archive), and every message kind at least once. Visitors who write
 * by email or SMS have no browsing data (no current page, no pages viewed); those on the web or
 * a social network have visited pages in their conversation. Times are relative to `now`, so the
 * demo always looks current.
 */
export function demoFixtures(now: Date = new Date(), options: DemoFixturesOptions = {}): Fixtures {
  const t = now.getTime();
  const images = demoImages(options.images);
  const visitors: Visitor[] = [
    {
      id: 'v-emma',
      name: 'Emma Laurent',
      source: { type: 'search', detail: 'Google — "waterproof hiking boots"' },
      currentPage: { url: 'https://shop.example.com/boots/trail-pro', title: 'Trail Pro boots' },
      browsingStartedAt: at(t, 1260),
      pagesViewed: 7,
      visitCount: 12,
      country: 'FR',
      browser: 'Firefox 132',
      os: 'Windows 11',
      language: 'fr-FR',
      timeZone: 'Europe/Paris',
      pastMessagesCount: 46,
      customData: [
        { key: 'basket', label: 'Basket amount', value: 189.9, format: 'currency', currency: 'EUR' },
        { key: 'clientId', label: 'Client id', value: 'CL-204-8831' },
        { key: 'loyalty', label: 'Loyalty tier', value: 'Gold' },
        { key: 'lastOrder', label: 'Last order', value: '2026-10-02', format: 'date' },
      ],
    },
    {
      id: 'v-liam',
      name: 'Liam O’Connor',
      source: { type: 'campaign', detail: 'Black Friday newsletter' },
      currentPage: { url: 'https://shop.example.com/checkout/payment', title: 'Checkout — payment' },
      browsingStartedAt: at(t, 620),
      pagesViewed: 11,
      visitCount: 3,
      country: 'IE',
      browser: 'Chrome 141',
      os: 'macOS 15',
      language: 'en-IE',
      timeZone: 'Europe/Dublin',
      pastMessagesCount: 3,
      customData: [
        { key: 'basket', label: 'Basket amount', value: 642.5, format: 'currency', currency: 'EUR' },
        { key: 'clientId', label: 'Client id', value: 'CL-977-1045' },
        { key: 'items', label: 'Items in basket', value: 3, format: 'number' },
      ],
    },
    {
      id: 'v-sofia',
      name: 'Sofía García',
      source: { type: 'social', detail: 'Facebook page' },
      currentPage: { url: 'https://shop.example.com/returns', title: 'Returns & refunds' },
      browsingStartedAt: at(t, 2400),
      pagesViewed: 4,
      visitCount: 2,
      country: 'ES',
      browser: 'Chrome 141',
      os: 'Android 15',
      language: 'es-ES',
      timeZone: 'Europe/Madrid',
      pastMessagesCount: 6,
      customData: [{ key: 'order', label: 'Order', value: 'ORD-55120' }],
    },
    {
      id: 'v-noah',
      name: 'Noah Schmidt',
      source: { type: 'referral', detail: 'outdoor-forum.example.org' },
      currentPage: { url: 'https://shop.example.com/tents/ultralight-2p', title: 'Ultralight 2P tent' },
      browsingStartedAt: at(t, 300),
      pagesViewed: 3,
      visitCount: 1,
      country: 'DE',
      browser: 'Safari 19',
      os: 'iOS 19',
      language: 'de-DE',
      timeZone: 'Europe/Berlin',
      pastMessagesCount: 0,
      customData: [{ key: 'wishlist', label: 'Wishlist', value: 'Ultralight 2P tent' }],
    },
    {
      // Writes by SMS: no browser, no pages (the panel says "Unknown" / "Not provided").
      id: 'v-4821',
      source: { type: 'direct' },
      visitCount: 1,
      country: 'CA',
      pastMessagesCount: 0,
    },
    {
      id: 'v-yuki',
      name: 'Yuki Tanaka',
      // Writes by email: the mail client instead of a browser, and no pages viewed.
      source: { type: 'direct' },
      visitCount: 5,
      country: 'JP',
      browser: 'Apple Mail',
      os: 'macOS 15',
      language: 'ja-JP',
      timeZone: 'Asia/Tokyo',
      pastMessagesCount: 9,
      customData: [{ key: 'clientId', label: 'Client id', value: 'CL-310-0007' }],
    },
    {
      id: 'v-amara',
      name: 'Amara Okafor',
      source: { type: 'social', detail: 'Instagram story' },
      currentPage: { url: 'https://shop.example.com/jackets/storm-shell', title: 'Storm Shell jacket' },
      browsingStartedAt: at(t, 840),
      pagesViewed: 6,
      visitCount: 4,
      country: 'NG',
      browser: 'Instagram in-app browser',
      os: 'iOS 19',
      language: 'en-NG',
      timeZone: 'Africa/Lagos',
      pastMessagesCount: 6,
      blocked: false,
    },
  ];

  const conversations: Conversation[] = [
    { id: 'c-emma', visitorId: 'v-emma', channel: 'chat', status: 'ongoing', startedAt: at(t, 1200) },
    { id: 'c-liam', visitorId: 'v-liam', channel: 'chat', status: 'ongoing', startedAt: at(t, 600) },
    { id: 'c-sofia', visitorId: 'v-sofia', channel: 'facebook', status: 'ongoing', startedAt: at(t, 2300) },
    { id: 'c-noah', visitorId: 'v-noah', channel: 'whatsapp', status: 'ongoing', startedAt: at(t, 280) },
    { id: 'c-4821', visitorId: 'v-4821', channel: 'sms', status: 'ongoing', startedAt: at(t, 90) },
    { id: 'c-yuki', visitorId: 'v-yuki', channel: 'email', status: 'ongoing', startedAt: at(t, 5300) },
    { id: 'c-amara', visitorId: 'v-amara', channel: 'instagram', status: 'ongoing', startedAt: at(t, 800) },
    // Emma is a returning visitor: her two latest closed conversations come with the snapshot.
    {
      id: 'c-emma-h1',
      visitorId: 'v-emma',
      channel: 'chat',
      status: 'closed',
      startedAt: at(t, 86400 * 3 + clockOffset(1)),
      closedAt: at(t, 86400 * 3 + clockOffset(1) - 900),
    },
    {
      id: 'c-emma-h2',
      visitorId: 'v-emma',
      channel: 'email',
      status: 'closed',
      startedAt: at(t, 86400 * 12 + clockOffset(2)),
      closedAt: at(t, 86400 * 11 + clockOffset(2)),
    },
  ];

  const messages: Message[] = [
    ...thread(t, 'c-emma', 1200, [
      [0, 'system', { kind: 'system', text: 'Conversation started from Trail Pro boots' }],
      [
        2,
        'bot',
        {
          kind: 'choice',
          question: 'Hi! What can I help you with?',
          options: [
            { id: 'order', label: 'An order' },
            { id: 'product', label: 'A product question' },
            { id: 'other', label: 'Something else' },
          ],
          selectedId: 'product',
        },
      ],
      [20, 'visitor', { kind: 'text', text: 'Are the Trail Pro boots really waterproof? I hike in Scotland a lot 🌧️' }],
      [
        30,
        'system',
        {
          kind: 'transfer',
          to: { type: 'skill', name: 'Footwear experts' },
          from: { name: 'Ava (bot)' },
          comment: 'Product question about waterproofing',
        },
      ],
      [
        65,
        'agent',
        {
          kind: 'text',
          text: 'Hello Emma! Yes — they have a Gore-Tex membrane and sealed seams, tested for 8 hours in water.',
        },
      ],
      [
        80,
        'agent',
        {
          kind: 'link',
          url: 'https://shop.example.com/guides/waterproof-ratings',
          title: 'Our guide to waterproof ratings',
        },
      ],
      [
        140,
        'visitor',
        {
          kind: 'navigation',
          url: 'https://shop.example.com/guides/waterproof-ratings',
          title: 'Guide: waterproof ratings',
        },
      ],
      [
        200,
        'visitor',
        {
          kind: 'image',
          url: images.wornBoots,
          alt: 'Photo of worn hiking boots',
          width: 640,
          height: 480,
        },
      ],
      [210, 'visitor', { kind: 'text', text: 'My old ones leaked after a year. Would these be better?' }],
      [
        260,
        'agent',
        {
          kind: 'offer',
          title: '15% off Trail Pro today',
          description: 'Loyalty members get 15% off and free returns for 60 days.',
          imageUrl: images.trailProOffer,
          url: 'https://shop.example.com/boots/trail-pro?offer=LOYAL15',
          cta: 'Apply the offer',
        },
      ],
      [
        300,
        'visitor',
        { kind: 'navigation', url: 'https://shop.example.com/boots/trail-pro', title: 'Trail Pro boots' },
      ],
      [
        1140,
        'visitor',
        { kind: 'text', text: 'Great, and which size should I take? I am usually a 39 but between sizes.' },
      ],
    ]),
    ...thread(t, 'c-liam', 600, [
      [0, 'visitor', { kind: 'text', text: 'Hi, my card keeps getting declined at checkout' }],
      [
        40,
        'agent',
        { kind: 'text', text: 'Sorry to hear that, Liam. Could you tell me which payment method you are using?' },
      ],
      [70, 'visitor', { kind: 'text', text: 'Visa, the 3-D Secure window never opens.' }],
      [90, 'agent', { kind: 'cobrowsing', state: 'requested' }],
      [110, 'system', { kind: 'cobrowsing', state: 'started' }],
      [400, 'system', { kind: 'cobrowsing', state: 'ended' }],
      [
        420,
        'agent',
        { kind: 'text', text: 'Your browser was blocking the pop-up. It should work now — could you try again?' },
        { status: 'failed', clientId: 'cid-liam-popup' },
      ],
      [
        560,
        'visitor',
        { kind: 'navigation', url: 'https://shop.example.com/checkout/payment', title: 'Checkout — payment' },
      ],
    ]),
    ...thread(t, 'c-sofia', 2300, [
      [
        0,
        'visitor',
        {
          kind: 'translation',
          text: 'Hello, I want to return a jacket that is too small.',
          original: 'Hola, quiero devolver una chaqueta que me queda pequeña.',
          sourceLang: 'es',
          targetLang: 'en',
        },
      ],
      [
        60,
        'agent',
        {
          kind: 'translation',
          text: 'Por supuesto. ¿Tiene su número de pedido?',
          original: 'Of course. Do you have your order number?',
          sourceLang: 'en',
          targetLang: 'es',
        },
      ],
      [120, 'visitor', { kind: 'unsupported', originalType: 'sticker', text: 'A thumbs-up sticker' }],
      [130, 'visitor', { kind: 'text', text: 'ORD-55120' }],
      [
        200,
        'agent',
        {
          kind: 'file',
          name: 'return-label-ORD-55120.pdf',
          url: 'https://files.example.com/labels/ORD-55120.pdf',
          size: 48213,
          mimeType: 'application/pdf',
        },
      ],
      [
        210,
        'agent',
        { kind: 'text', text: 'Here is your prepaid return label. Print it and drop the parcel at any post office.' },
      ],
      // Listed last to keep the ids above stable; the store orders a thread by time.
      [90, 'visitor', { kind: 'navigation', url: 'https://shop.example.com/returns', title: 'Returns & refunds' }],
    ]),
    ...thread(t, 'c-noah', 280, [
      [0, 'visitor', { kind: 'text', text: 'Hallo! Is the Ultralight 2P tent in stock in green?' }],
      [15, 'bot', { kind: 'text', text: 'Thanks Noah, an expert will answer in a moment.' }],
      [250, 'visitor', { kind: 'text', text: 'Also, does it ship to Austria?' }],
      [
        200,
        'visitor',
        { kind: 'navigation', url: 'https://shop.example.com/tents/ultralight-2p', title: 'Ultralight 2P tent' },
      ],
    ]),
    ...thread(t, 'c-4821', 90, [[0, 'visitor', { kind: 'text', text: 'do u have gift cards' }]]),
    ...thread(t, 'c-yuki', 5300, [
      [
        0,
        'visitor',
        {
          kind: 'text',
          text: 'Dear support,\n\nMy order ORD-50871 shows as delivered but I have not received it. Could you check with the carrier?\n\nBest regards,\nYuki Tanaka',
        },
      ],
      [
        1800,
        'agent',
        {
          kind: 'text',
          text: 'Dear Yuki, I have opened an investigation with the carrier and will update you within 24 hours.',
        },
        { status: 'delivered' },
      ],
    ]),
    ...thread(t, 'c-amara', 800, [
      [0, 'visitor', { kind: 'text', text: 'Saw your story — is the Storm Shell available in XS?' }],
      [
        50,
        'agent',
        { kind: 'text', text: 'Hi Amara! XS is back in stock in black and olive.' },
        { status: 'delivered' },
      ],
      [120, 'visitor', { kind: 'text', text: 'Perfect, ordering now 😍' }],
      [130, 'agent', { kind: 'text', text: 'Enjoy! Anything else I can help with?' }, { status: 'sent' }],
      [
        100,
        'visitor',
        { kind: 'navigation', url: 'https://shop.example.com/jackets/storm-shell', title: 'Storm Shell jacket' },
      ],
    ]),
    ...thread(t, 'c-emma-h1', 86400 * 3 + clockOffset(1), [
      [0, 'visitor', { kind: 'text', text: 'Can I change the delivery address of my last order?' }],
      [60, 'agent', { kind: 'text', text: 'Yes, done — it now ships to your office address.' }],
      [90, 'visitor', { kind: 'text', text: 'Thank you!' }],
    ]),
    ...thread(t, 'c-emma-h2', 86400 * 12 + clockOffset(2), [
      [0, 'visitor', { kind: 'text', text: 'Hello, do you price-match other shops?' }],
      [
        3600,
        'agent',
        {
          kind: 'text',
          text: 'We do for identical items from authorised retailers — send us the link and we will check.',
        },
      ],
    ]),
  ];

  // Older closed conversations of the returning visitors, served by `loadHistory` page by page.
  const archiveConversations: Conversation[] = [];
  const archiveMessages: Message[] = [];
  const archive = (visitorId: string, key: string, channels: string[], topics: string[], firstDaysAgo: number) => {
    topics.forEach((topic, i) => {
      const secondsAgo = 86400 * (firstDaysAgo + i * 21) + clockOffset(i + key.length);
      const id = `c-${key}-a${i + 1}`;
      archiveConversations.push({
        id,
        visitorId,
        channel: channels[i % channels.length],
        status: 'closed',
        startedAt: at(t, secondsAgo),
        closedAt: at(t, secondsAgo - 1200),
      });
      archiveMessages.push(
        ...thread(t, id, secondsAgo, [
          [0, 'visitor', { kind: 'text', text: topic }],
          [120, 'agent', { kind: 'text', text: 'Thanks for asking — here is what I found for you.' }],
          [300, 'visitor', { kind: 'text', text: 'Great, thanks!' }],
        ]),
      );
    });
  };
  archive(
    'v-emma',
    'emma',
    ['email', 'chat', 'chat'],
    [
      'Where is my parcel?',
      'Do you have this jacket in blue?',
      'How do I use my gift card?',
      'Can I return sale items?',
      'Is there a store in Lyon?',
      'My discount code does not work',
      'Do the boots run small?',
      'Can I get an invoice?',
    ],
    30,
  );
  archive('v-liam', 'liam', ['email'], ['Could you send me the invoice for my last order?'], 45);
  archive('v-sofia', 'sofia', ['facebook'], ['¿Hacéis envíos a Canarias?', 'My parcel arrived damaged'], 20);
  archive(
    'v-yuki',
    'yuki',
    ['email'],
    ['Order ORD-41002 is late', 'Can I change my delivery slot?', 'Gift wrapping available?'],
    15,
  );
  archive(
    'v-amara',
    'amara',
    ['instagram', 'chat'],
    ['Is the Storm Shell waterproof?', 'When is the next restock?'],
    25,
  );

  // Presence: most visitors are still there; Liam left a few minutes ago.
  for (const visitor of visitors) {
    visitor.online = visitor.id !== 'v-liam';
    if (!visitor.online) visitor.lastSeenAt = at(t, 4 * 60);
  }

  const agent: Agent = options.agent ?? { id: 'a-alex', name: 'Alex Martin', role: 'agent' };
  const signed = (list: Message[]) =>
    options.agent ? list.map((m) => (m.author === 'agent' ? { ...m, authorName: agent.name } : m)) : list;
  return {
    agent,
    visitors,
    conversations,
    messages: signed(messages),
    archive: { conversations: archiveConversations, messages: signed(archiveMessages) },
    channels: demoChannels(),
  };
}

/**
 * The channels Alex serves, so the demo shows every status: Live chat available (2 of 3 taken),
 * WhatsApp at its limit (Busy, "Limit reached (1/1)"), Facebook busy by choice, Email unavailable.
 */
function demoChannels(): AgentChannel[] {
  return [
    { channel: 'chat', availability: 'available', maxConversations: 3 },
    { channel: 'whatsapp', availability: 'available', maxConversations: 1 },
    { channel: 'facebook', availability: 'busy', maxConversations: 2 },
    { channel: 'instagram', availability: 'available', maxConversations: 2 },
    { channel: 'sms', availability: 'available', maxConversations: 2 },
    { channel: 'email', availability: 'unavailable', maxConversations: 5 },
  ];
}
