/**
 * Drains the outbox to the planning endpoint. An item is marked delivered
 * only on a 2xx. Network failures, 5xx and 429 keep it queued with
 * exponential backoff and jitter (or the server's Retry-After); other 4xx
 * stop it as rejected, for a person to look at. Resending is safe because
 * every PATCH body carries the full state.
 */
import type { Db } from '../../db/connection';
import type { DeliverySummary } from '../contract/api';
import type { Logger } from '../log/logger';
import type { OkeClient } from '../oke/client';
import { OkeFormatError, OkeHttpError, OkeNetworkError, OkeTokenError } from '../oke/errors';
import { mapWithLimit } from '../util/concurrency';
import { countItems, dueItems, markDelivered, markRejected, markRetry, type OutboxItem } from './outbox';

/** Requests in flight at once while draining. */
const deliveryConcurrency = 4;
const baseBackoffMs = 30_000;
const maxBackoffMs = 60 * 60_000;

export interface BodyCheck {
  valid: boolean;
  errors: string[];
}

export interface DeliveryContext {
  db: Db;
  planning: OkeClient;
  log: Logger;
  now?: () => number;
  random?: () => number;
  /** Checks an outbound body against the OKE schema; a body that fails is never sent. */
  checkBody?: (method: string, path: string, body: unknown) => BodyCheck;
}

/** Delay before the next attempt: the server's Retry-After, else full-jitter exponential backoff. */
export function backoffMs(attempts: number, retryAfterSeconds: number | null, random: () => number): number {
  if (retryAfterSeconds !== null) return retryAfterSeconds * 1000;
  const ceiling = Math.min(maxBackoffMs, baseBackoffMs * 2 ** Math.min(attempts, 20));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

function isRetryable(error: unknown): boolean {
  if (error instanceof OkeNetworkError) return true;
  if (error instanceof OkeHttpError) return error.status >= 500 || error.status === 429 || error.status === 408;
  if (error instanceof OkeTokenError) return error.status >= 500;
  return false;
}

async function deliverItem(ctx: DeliveryContext, item: OutboxItem, failures: DeliverySummary['failures']): Promise<void> {
  const now = ctx.now ?? Date.now;
  const check = ctx.checkBody?.(item.method, item.path, item.body);
  if (check && !check.valid) {
    const message = `body does not match the OKE schema: ${check.errors.slice(0, 3).join('; ')}`;
    markRejected(ctx.db, item.itemId, null, message);
    ctx.log.error({ itemId: item.itemId, flow: item.flow, path: item.path, errors: check.errors }, 'outbox item not sent: invalid body');
    failures.push({ itemId: item.itemId, message });
    return;
  }

  try {
    const status = await ctx.planning.patch(item.path, item.body);
    markDelivered(ctx.db, item.itemId, status, new Date(now()).toISOString());
    ctx.log.info({ itemId: item.itemId, flow: item.flow, path: item.path, status }, 'outbox item delivered');
  } catch (error) {
    const status = error instanceof OkeHttpError || error instanceof OkeTokenError ? error.status : null;
    const message = (error as Error).message;
    failures.push({ itemId: item.itemId, message });
    if (isRetryable(error)) {
      const retryAfter = error instanceof OkeHttpError ? error.retryAfterSeconds : null;
      const delay = backoffMs(item.attempts, retryAfter, ctx.random ?? Math.random);
      markRetry(ctx.db, item.itemId, status, message, new Date(now() + delay).toISOString());
      ctx.log.warn({ itemId: item.itemId, flow: item.flow, status, delayMs: delay, err: message }, 'outbox item kept for retry');
    } else if (error instanceof OkeHttpError || error instanceof OkeTokenError || error instanceof OkeFormatError) {
      markRejected(ctx.db, item.itemId, status, message);
      ctx.log.error({ itemId: item.itemId, flow: item.flow, status, err: message }, 'outbox item rejected by the receiver');
    } else {
      throw error;
    }
  }
}

/**
 * Sends every due item once. With `force`, items waiting for their backoff
 * are sent too, as when a person presses the send button.
 */
export async function deliverOutbox(ctx: DeliveryContext, options: { force?: boolean } = {}): Promise<DeliverySummary> {
  const now = ctx.now ?? Date.now;
  const horizon = options.force ? '9999-12-31T23:59:59.999Z' : new Date(now()).toISOString();
  const items = dueItems(ctx.db, horizon);
  const failures: DeliverySummary['failures'] = [];
  ctx.log.info({ due: items.length }, 'delivery started');

  await mapWithLimit(items, deliveryConcurrency, (item) => deliverItem(ctx, item, failures));

  const counts = countItems(ctx.db);
  ctx.log.info({ ...counts, failures: failures.length }, 'delivery finished');
  return { delivered: items.length - failures.length, queued: counts.queued, rejected: counts.rejected, failures };
}
