/**
 * Frames the client sends. The client builds them with `clientMessages`; the server
 * reads them with `parseClientFrame`, which applies the server's documented leniency
 * (method case-insensitive, extra auth body keys ignored, topic/params at top level).
 */
import type { ProtocolError } from './subscriptions';

export type AuthRequest = {
  type: 'request';
  id: string;
  payload: { method: 'post'; path: '/auth'; body: { token: string } };
};
export type SubscribeRequest = {
  type: 'subscribe';
  id: string;
  payload: { topic: string; params?: Record<string, unknown> };
};
export type UnsubscribeRequest = {
  type: 'unsubscribe';
  id: string;
  payload: { topic: string; params?: Record<string, unknown> };
};
export type PingRequest = { type: 'ping'; id: string };

export type ClientSentMessage = AuthRequest | SubscribeRequest | UnsubscribeRequest | PingRequest;

export const clientMessages = {
  auth: (id: string, token: string): AuthRequest => ({
    type: 'request',
    id,
    payload: { method: 'post', path: '/auth', body: { token } },
  }),
  subscribe: (id: string, topic: string, params?: object): SubscribeRequest => ({
    type: 'subscribe',
    id,
    payload: params ? { topic, params: { ...params } } : { topic },
  }),
  unsubscribe: (id: string, topic: string, params?: object): UnsubscribeRequest => ({
    type: 'unsubscribe',
    id,
    payload: params ? { topic, params: { ...params } } : { topic },
  }),
  ping: (id: string): PingRequest => ({ type: 'ping', id }),
};

/** A client frame as the server understands it. */
export type ClientCommand =
  | { kind: 'auth'; id: string | undefined; token: string | undefined }
  | { kind: 'subscribe' | 'unsubscribe'; id: string | undefined; topic: unknown; params: unknown }
  | { kind: 'ping'; id: string | undefined }
  /** A well-formed request for a path the accounts socket does not serve. */
  | { kind: 'unsupportedRequest'; id: string | undefined; path: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseClientFrame(
  text: string,
): { ok: true; command: ClientCommand } | { ok: false; id?: string; error: ProtocolError } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'INVALID_MESSAGE', message: 'frame is not valid JSON' } };
  }
  if (!isRecord(value)) {
    return { ok: false, error: { code: 'INVALID_MESSAGE', message: 'frame is not a JSON object' } };
  }
  const id = typeof value.id === 'string' ? value.id : undefined;
  const payload = isRecord(value.payload) ? value.payload : {};
  switch (value.type) {
    case 'request': {
      const method = typeof payload.method === 'string' ? payload.method.toLowerCase() : '';
      const path = typeof payload.path === 'string' ? payload.path : '';
      if (method === 'post' && path === '/auth') {
        const body = isRecord(payload.body) ? payload.body : {};
        const token = typeof body.token === 'string' && body.token ? body.token : undefined;
        return { ok: true, command: { kind: 'auth', id, token } };
      }
      return { ok: true, command: { kind: 'unsupportedRequest', id, path: `${method} ${path}` } };
    }
    case 'subscribe':
    case 'unsubscribe':
      return {
        ok: true,
        command: {
          kind: value.type,
          id,
          topic: payload.topic ?? value.topic,
          params: payload.params ?? value.params,
        },
      };
    case 'ping':
      return { ok: true, command: { kind: 'ping', id } };
    default:
      return {
        ok: false,
        ...(id ? { id } : {}),
        error: {
          code: 'INVALID_MESSAGE',
          message: `unknown message type ${JSON.stringify(value.type ?? null)}`,
        },
      };
  }
}
