/**
 * The side effects of the desk's alerts, behind small interfaces so that tests (and an app with its
 * own sound or notification system) can replace them: `<chat-desk>.alertAdapters`.
 */

/** Plays the alert sound. */
export interface SoundPlayer {
  play(): void;
  /** Called from the click that turns the sound on: browsers only let a page play audio after a gesture. */
  unlock?(): void;
  /** The desk left the page: release the audio resources. */
  close?(): void;
}

/** The page: its title and whether the agent can see it. */
export interface PageAdapter {
  /** True while the tab is hidden (another tab, minimised window). */
  readonly hidden: boolean;
  title: string;
  /** Calls `listener` whenever `hidden` changes; returns the function that stops listening. */
  watchVisibility(listener: () => void): () => void;
}

/** Desktop notifications. */
export interface NotificationAdapter {
  /** The page's permission, or `unsupported` without a Notification API. */
  permission(): NotificationPermission | 'unsupported';
  /** Asks the agent (call it from a click). */
  requestPermission(): Promise<NotificationPermission>;
  show(title: string, options: { body: string; tag: string; onClick: () => void }): void;
}

/** Time, for the rate limits. */
export interface AlertClock {
  now(): number;
  /** Runs `callback` after `ms`; returns the function that cancels it. */
  schedule(callback: () => void, ms: number): () => void;
}

export interface AlertAdapters {
  sound: SoundPlayer;
  page: PageAdapter;
  notifications: NotificationAdapter;
  clock: AlertClock;
}

/** A short "ding" synthesized with the Web Audio API: nothing to download. */
export class DingPlayer implements SoundPlayer {
  private context: AudioContext | undefined;

  private ready(): AudioContext | undefined {
    if (typeof AudioContext === 'undefined') return undefined;
    this.context ??= new AudioContext();
    if (this.context.state === 'suspended') this.context.resume().catch(() => undefined);
    return this.context;
  }

  unlock(): void {
    this.ready();
  }

  play(): void {
    const context = this.ready();
    if (!context) return;
    const start = context.currentTime;
    const gain = context.createGain();
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.2, start + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.6);
    gain.connect(context.destination);
    // Two partials a fifth apart: a bell-like tone rather than a beep.
    for (const frequency of [880, 1320]) {
      const oscillator = context.createOscillator();
      oscillator.type = 'sine';
      oscillator.frequency.setValueAtTime(frequency, start);
      oscillator.connect(gain);
      oscillator.start(start);
      oscillator.stop(start + 0.6);
    }
  }

  close(): void {
    this.context?.close().catch(() => undefined);
    this.context = undefined;
  }
}

export const documentPage: PageAdapter = {
  get hidden() {
    return document.visibilityState === 'hidden';
  },
  get title() {
    return document.title;
  },
  set title(title: string) {
    document.title = title;
  },
  watchVisibility(listener) {
    document.addEventListener('visibilitychange', listener);
    return () => document.removeEventListener('visibilitychange', listener);
  },
};

/**
 * `Notification.permission` asks the browser process synchronously (570 ms of samples in 8 s of a
 * busy 4-pane desk): read it once, then follow the Permissions API's changes and our own requests.
 */
let knownPermission: NotificationPermission | undefined;

function notificationPermission(): NotificationPermission {
  if (knownPermission === undefined) {
    knownPermission = Notification.permission;
    navigator.permissions
      ?.query({ name: 'notifications' })
      .then((status) => status.addEventListener('change', () => (knownPermission = Notification.permission)))
      .catch(() => {
        // No Permissions API for notifications: only our own requests change what we know.
      });
  }
  return knownPermission;
}

export const browserNotifications: NotificationAdapter = {
  permission: () => (typeof Notification === 'undefined' ? 'unsupported' : notificationPermission()),
  requestPermission: async () => {
    if (typeof Notification === 'undefined') return 'denied';
    knownPermission = await Notification.requestPermission();
    return knownPermission;
  },
  show(title, { body, tag, onClick }) {
    if (typeof Notification === 'undefined' || notificationPermission() !== 'granted') return;
    const notification = new Notification(title, { body, tag });
    notification.onclick = () => {
      window.focus();
      notification.close();
      onClick();
    };
  },
};

export const systemClock: AlertClock = {
  now: () => Date.now(),
  schedule(callback, ms) {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};

/** The browser's adapters (a new sound player each time: it owns an AudioContext). */
export function defaultAlertAdapters(): AlertAdapters {
  return { sound: new DingPlayer(), page: documentPage, notifications: browserNotifications, clock: systemClock };
}
