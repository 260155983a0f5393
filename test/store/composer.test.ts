import { aTimeout, expect } from '@open-wc/testing';
import sinon from 'sinon';
import type { Uploader, UploadResult } from '../../src/model/composer.js';
import type { Fixtures } from '../../src/model/types.js';
import { DeskStore, type ComposerState } from '../../src/store/desk-store.js';
import type { DraftStorage } from '../../src/store/drafts.js';
import { reduce } from '../../src/store/reducer.js';
import { MemoryTransport } from '../../src/transport/memory-transport.js';

const AT = '2026-11-25T10:00:00.000Z';

function fixtures(): Fixtures {
  return {
    agent: { id: 'a1', name: 'Alex' },
    visitors: [{ id: 'v1', name: 'Emma' }],
    conversations: [
      { id: 'c1', visitorId: 'v1', channel: 'chat', status: 'ongoing', startedAt: AT },
      { id: 'c2', visitorId: 'v1', channel: 'chat', status: 'ongoing', startedAt: AT },
    ],
    messages: [],
  };
}

/** A Storage-like map: what a tab's sessionStorage holds across a reload. */
function memoryStorage(): DraftStorage & { readonly entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get length() {
      return entries.size;
    },
    key: (index) => [...entries.keys()][index] ?? null,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  };
}

interface Call {
  file: File;
  signal: AbortSignal;
  onProgress: (fraction: number) => void;
  resolve: (result: UploadResult) => void;
  reject: (error: unknown) => void;
}

function fakeUploader() {
  const calls: Call[] = [];
  const uploader: Uploader = (file, { signal, onProgress }) =>
    new Promise<UploadResult>((resolve, reject) => {
      calls.push({ file, signal, onProgress, resolve, reject });
    });
  return { calls, uploader };
}

const pdf = () => new File(['%PDF-1.4'], 'invoice.pdf', { type: 'application/pdf' });

async function png(): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 4;
  canvas.height = 3;
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], 'photo.png', { type: 'image/png' });
}

describe('DeskStore: the composer of each conversation', () => {
  let stores: DeskStore[];

  function make(draftStorage: DraftStorage | null = null) {
    const transport = new MemoryTransport({ fixtures: fixtures(), simulate: false });
    const store = new DeskStore({ transport, batching: 'sync', draftStorage });
    stores.push(store);
    return { store, transport };
  }

  function follow(store: DeskStore, id: string) {
    const seen: ComposerState[] = [];
    const subscription = store.composer$(id).subscribe((state) => seen.push(state));
    return { seen, last: () => seen[seen.length - 1], stop: () => subscription.unsubscribe() };
  }

  beforeEach(() => (stores = []));
  afterEach(() => {
    for (const store of stores) store.destroy();
    sinon.restore();
  });

  it('composer$ holds the draft, the open panel and the attachment, and changes only when one of them does', () => {
    const { store } = make();
    const composer = follow(store, 'c1');
    expect(composer.last()).to.deep.equal({ draft: '', tool: undefined, uploads: [] });
    store.setDraft('c1', 'Hi');
    store.setTool('c1', 'link');
    store.setDraft('c2', 'other conversation');
    store.setTool('c1', 'link');
    expect(composer.seen.map(({ draft, tool }) => [draft, tool])).to.deep.equal([
      ['', undefined],
      ['Hi', undefined],
      ['Hi', 'link'],
    ]);
    store.setTool('c1', undefined);
    expect(composer.last().tool).to.be.undefined;
    expect(store.state.tools.has('c1')).to.be.false;
    composer.stop();
  });

  it('uploads with progress to a ready attachment; the upload belongs to its conversation', async () => {
    const { store } = make();
    const { calls, uploader } = fakeUploader();
    const composer = follow(store, 'c1');
    store.startUpload('c1', pdf(), uploader);
    expect(composer.last().uploads[0]).to.include({
      status: 'uploading',
      progress: 0,
      name: 'invoice.pdf',
      kind: 'file',
    });
    expect(store.state.uploads.has('c2')).to.be.false;
    calls[0].onProgress(0.25);
    calls[0].onProgress(7); // clamped
    expect(
      composer.seen.map((state) => state.uploads[0]?.status === 'uploading' && state.uploads[0].progress),
    ).to.deep.equal([false, 0, 0.25, 1]);
    calls[0].resolve({ url: 'https://files.example.com/invoice.pdf' });
    await aTimeout(0);
    expect(composer.last().uploads[0]).to.deep.include({
      status: 'ready',
      result: { url: 'https://files.example.com/invoice.pdf' },
      size: 8,
      mimeType: 'application/pdf',
    });
    store.removeUpload('c1');
    expect(composer.last().uploads[0]).to.be.undefined;
    composer.stop();
  });

  it('an image gets a blob: preview, its size when the uploader does not say, and the preview is revoked when it goes', async () => {
    const { store } = make();
    const { calls, uploader } = fakeUploader();
    const revoke = sinon.spy(URL, 'revokeObjectURL');
    store.startUpload('c1', await png(), uploader);
    const previewUrl = store.state.uploads.get('c1')![0].previewUrl!;
    expect(previewUrl.startsWith('blob:')).to.be.true;
    calls[0].resolve({ url: 'https://files.example.com/photo.png' });
    await aTimeout(50);
    const upload = store.state.uploads.get('c1')![0];
    expect(upload.status === 'ready' && upload.result).to.deep.equal({
      url: 'https://files.example.com/photo.png',
      width: 4,
      height: 3,
    });
    expect(revoke.called).to.be.false;
    store.removeUpload('c1');
    expect(revoke.calledWith(previewUrl)).to.be.true;
  });

  it('cancelling aborts the upload signal, and what the uploader says afterwards is ignored', async () => {
    const { store } = make();
    const { calls, uploader } = fakeUploader();
    store.startUpload('c1', pdf(), uploader);
    store.removeUpload('c1');
    expect(calls[0].signal.aborted).to.be.true;
    calls[0].onProgress(0.5);
    calls[0].resolve({ url: 'https://files.example.com/late.pdf' });
    await aTimeout(0);
    expect(store.state.uploads.has('c1')).to.be.false;

    // Several files: each is its own attachment; cancelling one leaves the others going.
    store.startUpload('c1', pdf(), uploader);
    store.startUpload('c1', new File(['x'], 'second.txt', { type: 'text/plain' }), uploader);
    expect(store.state.uploads.get('c1')!.map((u) => u.name)).to.deep.equal(['invoice.pdf', 'second.txt']);
    store.removeUpload('c1', store.state.uploads.get('c1')![0].id);
    expect(calls[1].signal.aborted).to.be.true;
    expect(calls[2].signal.aborted).to.be.false;
    calls[1].resolve({ url: 'https://files.example.com/first.pdf' });
    calls[2].resolve({ url: 'https://files.example.com/second.txt' });
    await aTimeout(0);
    expect(store.state.uploads.get('c1')).to.have.length(1);
    expect(store.state.uploads.get('c1')![0]).to.include({ name: 'second.txt', status: 'ready' });
  });

  it('a failed upload and an address that cannot be used are kept as failed, with their reason', async () => {
    const { store } = make();
    const { calls, uploader } = fakeUploader();
    const revoke = sinon.spy(URL, 'revokeObjectURL');
    store.startUpload('c1', await png(), uploader);
    const previewUrl = store.state.uploads.get('c1')![0].previewUrl!;
    calls[0].reject(new Error('Server said 500'));
    await aTimeout(0);
    expect(store.state.uploads.get('c1')![0]).to.deep.include({
      status: 'failed',
      error: { code: 'upload-failed', reason: 'Server said 500' },
    });
    expect(store.state.uploads.get('c1')![0].previewUrl).to.be.undefined;
    expect(revoke.calledWith(previewUrl)).to.be.true;

    store.startUpload('c1', pdf(), uploader);
    calls[1].resolve({ url: 'javascript:alert(1)' });
    await aTimeout(0);
    expect(store.state.uploads.get('c1')![1]).to.deep.include({ status: 'failed', error: { code: 'bad-url' } });
  });

  it('destroying the store stops the uploads in flight and revokes their previews', async () => {
    const { store } = make();
    const { calls, uploader } = fakeUploader();
    const revoke = sinon.spy(URL, 'revokeObjectURL');
    store.startUpload('c1', pdf(), uploader);
    store.startUpload('c2', await png(), uploader);
    const previewUrl = store.state.uploads.get('c2')![0].previewUrl!;
    store.destroy();
    expect(calls.map((call) => call.signal.aborted)).to.deep.equal([true, true]);
    expect(revoke.calledWith(previewUrl)).to.be.true;
  });

  it('the reducer ignores an upload action about an upload that is no longer there', () => {
    const { store } = make();
    const { uploader } = fakeUploader();
    store.startUpload('c1', pdf(), uploader);
    const state = store.state;
    const { state: next } = reduce(state, [
      { type: 'local.upload.progress', conversationId: 'c1', uploadId: 'gone', progress: 0.5 },
      { type: 'local.upload.ready', conversationId: 'c1', uploadId: 'gone', result: { url: 'https://x.example/a' } },
      { type: 'local.upload.removed', conversationId: 'c2', uploadId: 'gone' },
    ]);
    expect(next).to.equal(state);
  });

  describe('drafts across a reload', () => {
    it('a new store on the same storage has the drafts back; an emptied draft is forgotten', () => {
      const storage = memoryStorage();
      const { store } = make(storage);
      store.setDraft('c1', 'Hello Emma, about your order');
      store.setDraft('c2', 'temporary');
      store.setDraft('c2', '');
      store.destroy();
      storage.setItem('unrelated', 'kept as is');

      const { store: reloaded } = make(storage);
      expect(reloaded.state.drafts.get('c1')).to.equal('Hello Emma, about your order');
      expect(reloaded.state.drafts.has('c2')).to.be.false;
      expect([...storage.entries.keys()]).to.have.members(['agent-desk:draft:agent:c1', 'unrelated']);
    });

    it("uses the tab's sessionStorage by default", () => {
      const transport = () => new MemoryTransport({ fixtures: fixtures(), simulate: false });
      const first = new DeskStore({ transport: transport(), batching: 'sync' });
      stores.push(first);
      first.setDraft('c1', 'Kept in this tab');
      expect(sessionStorage.getItem('agent-desk:draft:agent:c1')).to.equal('Kept in this tab');
      const reloaded = new DeskStore({ transport: transport(), batching: 'sync' });
      stores.push(reloaded);
      expect(reloaded.state.drafts.get('c1')).to.equal('Kept in this tab');
      reloaded.setDraft('c1', '');
      expect(sessionStorage.getItem('agent-desk:draft:agent:c1')).to.be.null;
    });

    it("drafts are kept per agent, and a closed conversation's draft leaves the storage", () => {
      const storage = memoryStorage();
      const transport = new MemoryTransport({ fixtures: fixtures(), simulate: false });
      const alex = new DeskStore({
        transport,
        batching: 'sync',
        draftStorage: storage,
        agent: { id: 'a1', name: 'Alex' },
      });
      stores.push(alex);
      alex.setDraft('c1', 'For Emma');
      alex.setDraft('c2', 'For Liam');
      const sam = new DeskStore({
        transport: new MemoryTransport({ fixtures: fixtures(), simulate: false }),
        batching: 'sync',
        draftStorage: storage,
        agent: { id: 'a2', name: 'Sam' },
      });
      stores.push(sam);
      expect(sam.state.drafts.size, "another agent in this tab never sees Alex's drafts").to.equal(0);
      transport.emit({ type: 'conversation.closed', conversationId: 'c2', at: new Date().toISOString() });
      expect([...storage.entries.keys()]).to.deep.equal(['agent-desk:draft:a1:c1']);
    });

    it('draftStorage: null keeps drafts in memory only', () => {
      const setItem = sinon.spy(Storage.prototype, 'setItem');
      const { store } = make(null);
      store.setDraft('c1', 'Only here');
      expect(setItem.called).to.be.false;
      expect(make(null).store.state.drafts.size).to.equal(0);
    });

    it('a storage that fails costs only the reload copy', () => {
      const storage = memoryStorage();
      storage.setItem = () => {
        throw new DOMException('Full', 'QuotaExceededError');
      };
      const { store } = make(storage);
      store.setDraft('c1', 'Still here');
      expect(store.state.drafts.get('c1')).to.equal('Still here');
    });
  });
});
