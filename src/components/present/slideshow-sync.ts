import { channelName, type SlideshowMessage } from '../../domain/present/sync-message.ts';

export interface SlideshowChannel {
  post(message: SlideshowMessage): void;
}

/**
 * The presentation's windows talk over a BroadcastChannel: same browser, same site, no server.
 * Where there is none (very old browsers) each window simply runs on its own.
 */
export function openSlideshowChannel(presentationId: string, receive: (data: unknown) => void): SlideshowChannel {
  if (typeof BroadcastChannel === 'undefined') return { post() {} };
  const channel = new BroadcastChannel(channelName(presentationId));
  channel.addEventListener('message', (event) => receive(event.data));
  return { post: (message) => channel.postMessage(message) };
}
