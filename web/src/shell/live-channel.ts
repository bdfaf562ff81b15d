// The WebSocket to /api/v1/events, reconnecting with exponential backoff (1 s doubling to 30 s,
// plus jitter) until stop() is called. The session cookie authenticates the upgrade request.
import type { DomainEvent } from '../api/types';

export type LiveState = 'connecting' | 'connected' | 'offline';

export interface LiveHandlers {
  onState(state: LiveState): void;
  onEvent(event: DomainEvent): void;
}

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30000;

export function eventsUrl(loc: Pick<Location, 'protocol' | 'host'> = location): string {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${loc.host}/api/v1/events`;
}

export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Streams of readings (sensor.values every two seconds): for the pages that draw them, not for toasts. */
export const STREAM_EVENT_TYPES: readonly string[] = ['sensor.values'];

export function isStreamEvent(event: Pick<DomainEvent, 'type'>): boolean {
  return STREAM_EVENT_TYPES.includes(event.type);
}

export function isDomainEvent(value: unknown): value is DomainEvent {
  if (!value || typeof value !== 'object') return false;
  const event = value as Partial<DomainEvent>;
  if (typeof event.type !== 'string' || event.type === 'hello') return false;
  // A stream names no single entity.
  return (typeof event.entity === 'string' && event.entity !== '') || isStreamEvent(event as DomainEvent);
}

const pageListeners = new Set<(event: DomainEvent) => void>();

/** Lets a page follow the live events while it is shown; returns the unsubscribe for its cleanup. */
export function onLiveEvent(listener: (event: DomainEvent) => void): () => void {
  pageListeners.add(listener);
  return () => pageListeners.delete(listener);
}

/** Hands an event to the pages that follow the channel (called by the shell). */
export function dispatchLiveEvent(event: DomainEvent): void {
  for (const listener of [...pageListeners]) {
    try {
      listener(event);
    } catch (err) {
      console.error('live event listener failed', err);
    }
  }
}

export class LiveChannel {
  private socket: WebSocket | null = null;
  private failures = 0;
  private retryTimer: number | undefined;
  private stopped = true;

  constructor(private readonly url: string, private readonly handlers: LiveHandlers) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close(1000, 'logout');
    }
    this.handlers.onState('offline');
  }

  private connect(): void {
    this.handlers.onState('connecting');
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.failures = 0;
      this.handlers.onState('connected');
    };
    socket.onmessage = (message) => this.deliver(message.data);
    socket.onclose = () => {
      if (this.socket === socket) this.socket = null;
      if (!this.stopped) this.scheduleReconnect();
    };
  }

  private deliver(data: unknown): void {
    if (typeof data !== 'string') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return;
    }
    const events = Array.isArray(parsed) ? parsed : [parsed];
    for (const event of events) {
      // The server greets each connection with {type: "hello", entity: ""}: not a domain event.
      if (isDomainEvent(event)) this.handlers.onEvent(event);
    }
  }

  private scheduleReconnect(): void {
    this.handlers.onState('offline');
    this.failures += 1;
    this.retryTimer = window.setTimeout(() => {
      if (!this.stopped) this.connect();
    }, backoffDelay(this.failures));
  }
}
