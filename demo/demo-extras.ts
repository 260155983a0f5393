// What an integrator hands the composer in the demos: canned answers, offers and a simulated
// uploader. The same set as demo/main.ts (the in-memory demo), for the demo over WebSocket.
type ChatDesk = HTMLElementTagNameMap['chat-desk'];

export function applyComposerExtras(desk: ChatDesk): void {
  desk.cannedAnswers = [
    {
      id: 'hello',
      title: 'Greeting',
      text: 'Hello {visitor.name}, I am {agent.name}. How can I help?',
      category: 'Openers',
      scope: 'shared',
    },
    {
      id: 'delivery',
      title: 'Delivery times',
      text: 'Standard delivery takes 2–4 working days; express arrives next day if ordered before 2 pm.',
      category: 'Shipping',
      scope: 'shared',
    },
    {
      id: 'returns',
      title: 'Returns',
      text: 'You can return any item within 60 days for free with the prepaid label in your parcel.',
      category: 'Orders',
      scope: 'shared',
    },
    {
      id: 'sign-off',
      title: 'My sign-off',
      text: 'Have a great day, {visitor.name}! — {agent.name}',
      category: 'Closers',
      scope: 'personal',
    },
  ];
  desk.offers = [
    {
      id: 'loyal15',
      title: '15% off today',
      description: 'Loyalty members save 15% on their basket.',
      url: 'https://shop.example.com/offers/loyal15',
      cta: 'Apply the offer',
    },
    {
      id: 'freeship',
      title: 'Free express shipping',
      description: 'On any order over €50 this week.',
      url: 'https://shop.example.com/offers/free-express',
      cta: 'See details',
    },
  ];
  // A simulated upload (the demo has no file server): progress over ~1.5 s, then a file address.
  desk.accept = '.pdf,.txt,.csv,.doc,.docx';
  desk.uploader = (file, { signal, onProgress }) =>
    new Promise((resolve, reject) => {
      let progress = 0;
      const timer = setInterval(() => {
        progress += 0.2;
        onProgress(Math.min(progress, 1));
        if (progress >= 1) {
          clearInterval(timer);
          resolve({
            url: `https://files.example.com/uploads/${encodeURIComponent(file.name)}`,
            name: file.name,
            size: file.size,
            mimeType: file.type,
          });
        }
      }, 300);
      signal.addEventListener('abort', () => {
        clearInterval(timer);
        reject(signal.reason);
      });
    });
}
