/**
 * Who is on a connection, and how the reference server finds out: a signed token with an expiry
 * (HMAC-SHA256 by default), or an integrator's own verifier.
 *
 * Token format (default verifier): `base64url(JSON claims) + "." + base64url(HMAC-SHA256(secret, first part))`,
 * claims `{ sub, name, role: "agent" | "manager" | "visitor", exp, skills?, conversationId? }`
 * (`exp` in seconds since 1970, as in JWT). A visitor's token names its conversation.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Agent } from '../src/model/types.js';

/** An agent or a manager: sees the conversations assigned to them, their skills', and the queue (managers: all). */
export interface StaffPrincipal {
  kind: 'staff';
  agent: Agent;
  skills: string[];
}
/** A visitor: sees and writes to one conversation. */
export interface VisitorPrincipal {
  kind: 'visitor';
  visitorId: string;
  conversationId: string;
  name?: string;
}
export type Principal = StaffPrincipal | VisitorPrincipal;

export interface TokenClaims {
  sub: string;
  name?: string;
  role: 'agent' | 'manager' | 'visitor';
  /** Expiry, seconds since 1970. */
  exp: number;
  skills?: string[];
  /** Visitors: their conversation. */
  conversationId?: string;
}

/** Checks a token; returns who it signs in, or `undefined` (refused: the server closes with 4401). */
export type TokenVerifier = (token: string) => Principal | undefined | Promise<Principal | undefined>;

const encode = (data: string | Buffer) => Buffer.from(data).toString('base64url');

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/** Signs claims into a token (`ttlSeconds` from now unless `exp` is given). */
export function signToken(
  secret: string,
  claims: Omit<TokenClaims, 'exp'> & { exp?: number },
  ttlSeconds = 3600,
): string {
  const payload = encode(JSON.stringify({ ...claims, exp: claims.exp ?? Math.floor(Date.now() / 1000) + ttlSeconds }));
  return `${payload}.${encode(mac(secret, payload))}`;
}

/** The default verifier: HMAC-SHA256 signature, then expiry, then the claims' shape. */
export function hmacVerifier(secret: string, { leewaySeconds = 30 } = {}): TokenVerifier {
  if (secret.length < 16) throw new Error('The token secret must be at least 16 characters');
  return (token) => {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return undefined;
    const expected = mac(secret, payload);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    return principalOf(claims, Date.now() / 1000 - leewaySeconds);
  };
}

/** Turns checked claims into a principal; `undefined` when expired or malformed. */
export function principalOf(raw: unknown, notExpiredAt: number): Principal | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const claims = raw as Partial<Record<keyof TokenClaims, unknown>>;
  if (typeof claims.exp !== 'number' || claims.exp < notExpiredAt) return undefined;
  if (typeof claims.sub !== 'string' || claims.sub.length === 0 || claims.sub.length > 256) return undefined;
  const name = typeof claims.name === 'string' ? claims.name.slice(0, 200) : undefined;
  if (claims.role === 'visitor') {
    if (typeof claims.conversationId !== 'string' || claims.conversationId.length === 0) return undefined;
    return { kind: 'visitor', visitorId: claims.sub, conversationId: claims.conversationId, ...(name ? { name } : {}) };
  }
  if (claims.role !== 'agent' && claims.role !== 'manager') return undefined;
  const skills = Array.isArray(claims.skills) ? claims.skills.filter((s): s is string => typeof s === 'string') : [];
  return { kind: 'staff', agent: { id: claims.sub, name: name ?? claims.sub, role: claims.role }, skills };
}

/** A label for logs and the welcome: the agent, or nothing for a visitor. */
export function agentOf(principal: Principal | undefined): Agent | undefined {
  return principal?.kind === 'staff' ? principal.agent : undefined;
}
