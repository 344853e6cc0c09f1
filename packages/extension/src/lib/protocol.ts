/**
 * The messages the extension's parts send to the background, and what they get back: one map from a message's
 * name to its request and its response. Senders go through {@link send}; the background answers through one
 * {@link MessageHandlers} map handed to {@link dispatch}.
 */
import browser, { type Runtime } from './browser.js';
import type { RefreshLog } from './refresh-log.js';

/** A member as the content script needs it to mark a link: nothing more leaves the background. */
export interface LinkMember {
  id: string;
  name: string;
  registry: string;
}

/** The most hosts one `lookup-hosts` message asks about; the background answers for no more. */
export const MAX_LOOKUP_HOSTS = 10_000;

export interface LookupAnswer {
  members: Record<string, LinkMember>;
}

/** Message name → what the sender passes (`request`) and what the background answers (`response`). */
export interface MessageMap {
  /** Content script: which of these hosts belong to a member? */
  'lookup-hosts': { request: { hosts: string[] }; response: LookupAnswer };
  /** Options page: refresh every registry now; answers the new refresh log. */
  refresh: { request: Record<string, never>; response: RefreshLog };
  /** Popup: annotation was just turned on for the tab's site; annotate the open page now. */
  'annotate-tab': { request: { tabId: number }; response: void };
}

export type MessageName = keyof MessageMap;
export type MessageRequest<N extends MessageName> = MessageMap[N]['request'];
export type MessageResponse<N extends MessageName> = MessageMap[N]['response'];

/** What travels between the parts. */
interface Envelope<N extends MessageName> {
  name: N;
  payload: MessageRequest<N>;
}

/** Sends a message to the background; resolves with its answer. */
export function send<N extends MessageName>(name: N, payload: MessageRequest<N>): Promise<MessageResponse<N>> {
  return browser.runtime.sendMessage<Envelope<N>, MessageResponse<N>>({ name, payload });
}

/**
 * A request as the background receives it: the fields the sender meant, each of a type still to be checked (a
 * content script runs in pages the extension does not control).
 */
export type Untrusted<T> = { readonly [K in keyof T]?: unknown };

/** One handler per message name. */
export type MessageHandlers = {
  [N in MessageName]: (payload: Untrusted<MessageRequest<N>>, sender: Runtime.MessageSender) => Promise<MessageResponse<N>>;
};

const isName = (handlers: MessageHandlers, name: unknown): name is MessageName => typeof name === 'string' && Object.hasOwn(handlers, name);

function handle<N extends MessageName>(handlers: MessageHandlers, name: N, payload: object, sender: Runtime.MessageSender): Promise<MessageResponse<N>> {
  return handlers[name](payload, sender);
}

/** Hands a received message to its handler; anything that is not one of the extension's messages gets no answer. */
export function dispatch(handlers: MessageHandlers, message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined {
  if (typeof message !== 'object' || message === null || !('name' in message) || !isName(handlers, message.name)) return undefined;
  const payload = 'payload' in message && typeof message.payload === 'object' && message.payload !== null ? message.payload : {};
  return handle(handlers, message.name, payload, sender);
}
