// What an integrator hands the composer in the demos (in memory and over WebSocket): canned
// answers, offers, and an uploader that posts to the page's dev server (vite.config.mjs keeps the
// files in memory and serves them back).
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
  // Attachments: common images (shown in the thread) and documents, several at once. The demo's
  // dev server keeps uploads in memory and serves them back (vite.config.mjs), so an uploaded
  // image shows like any other; the progress comes from the upload itself.
  desk.accept = 'image/png,image/jpeg,image/gif,image/webp,image/avif,.pdf,.txt,.csv,.doc,.docx';
  desk.uploader = (file, { signal, onProgress }) =>
    new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('POST', `/demo-uploads?name=${encodeURIComponent(file.name)}`);
      request.setRequestHeader('content-type', file.type || 'application/octet-stream');
      request.responseType = 'json';
      request.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      };
      request.onload = () => {
        const body = request.response as { url?: string } | null;
        if (request.status === 201 && body?.url) {
          resolve({ url: body.url, name: file.name, size: file.size, mimeType: file.type });
        } else reject(new Error(`the demo server answered ${request.status}`));
      };
      request.onerror = () => reject(new Error('the demo server cannot be reached'));
      signal.addEventListener('abort', () => {
        request.abort();
        reject(signal.reason);
      });
      request.send(file);
    });
}
