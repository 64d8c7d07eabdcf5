/**
 * Drains the outbox to the planning endpoint. An item is marked delivered
 * only on a 2xx. A 5xx keeps the item queued with exponential backoff and
 * jitter. Other 4xx stop it as rejected, for a person to look at.
 *
 * Some failures are about the connection or the configuration, not the
 * message: no connection, a token request that fails, 401 or 403 after the
 * token refresh, and 429. Those stop the whole run with the items still
 * queued, and the error is raised for the caller to show. Resending is safe
 * because every PATCH body carries the full state.
 */
import type { Db } from '../../db/connection';
import type { DeliverySummary } from '../contract/api';
import { formatMessage, type Language } from '../contract/messages';
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
  /** Language of the failure sentences in the summary; Dutch when not set. */
  language?: Language;
  /** Checks an outbound body against the OKE schema; a body that fails is never sent. */
  checkBody?: (method: string, path: string, body: unknown) => BodyCheck;
}

/** Delay before the next attempt: the server's Retry-After, else full-jitter exponential backoff. */
export function backoffMs(attempts: number, retryAfterSeconds: number | null, random: () => number): number {
  if (retryAfterSeconds !== null) return retryAfterSeconds * 1000;
  const ceiling = Math.min(maxBackoffMs, baseBackoffMs * 2 ** Math.min(attempts, 20));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Builds the sentence shown to people for one item that failed without stopping the run. */
function describeFailure(ctx: DeliveryContext, item: OutboxItem, error: unknown): string {
  const language = ctx.language ?? 'nl';
  if (error instanceof OkeHttpError && isRetryable(error)) {
    return formatMessage('delivery.retry', { itemId: item.itemId, flow: item.flow, status: error.status }, language);
  }
  const status = error instanceof OkeHttpError ? error.status : '-';
  const title = error instanceof OkeHttpError ? error.title : (error as Error).message;
  return formatMessage('delivery.rejected', { itemId: item.itemId, flow: item.flow, status, title }, language);
}

/** True for failures that every other item would meet too, so the run stops. */
function stopsTheRun(error: unknown): boolean {
  if (error instanceof OkeNetworkError || error instanceof OkeTokenError) return true;
  return error instanceof OkeHttpError && (error.status === 401 || error.status === 403 || error.status === 429);
}

function isRetryable(error: unknown): boolean {
  if (stopsTheRun(error)) return true;
  return error instanceof OkeHttpError && (error.status >= 500 || error.status === 408);
}

interface RunState {
  failures: DeliverySummary['failures'];
  delivered: number;
  /** The first failure that stops the run; workers take no new item once it is set. */
  stoppedBy: unknown;
}

async function deliverItem(ctx: DeliveryContext, item: OutboxItem, run: RunState): Promise<void> {
  if (run.stoppedBy !== undefined) return;
  const { failures } = run;
  const now = ctx.now ?? Date.now;
  const check = ctx.checkBody?.(item.method, item.path, item.body);
  if (check && !check.valid) {
    const message = `body does not match the OKE schema: ${check.errors.slice(0, 3).join('; ')}`;
    markRejected(ctx.db, item.itemId, null, message);
    ctx.log.error({ itemId: item.itemId, flow: item.flow, path: item.path, errors: check.errors }, 'outbox item not sent: invalid body');
    failures.push({ itemId: item.itemId, message: formatMessage('delivery.invalidBody', { itemId: item.itemId, flow: item.flow }, ctx.language ?? 'nl') });
    return;
  }

  try {
    const status = await ctx.planning.patch(item.path, item.body);
    markDelivered(ctx.db, item.itemId, status, new Date(now()).toISOString());
    run.delivered += 1;
    ctx.log.info({ itemId: item.itemId, flow: item.flow, path: item.path, status }, 'outbox item delivered');
  } catch (error) {
    const status = error instanceof OkeHttpError || error instanceof OkeTokenError ? error.status : null;
    const message = (error as Error).message;
    if (stopsTheRun(error)) run.stoppedBy ??= error;
    else failures.push({ itemId: item.itemId, message: describeFailure(ctx, item, error) });
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
  const run: RunState = { failures: [], delivered: 0, stoppedBy: undefined };
  ctx.log.info({ due: items.length }, 'delivery started');

  await mapWithLimit(items, deliveryConcurrency, (item) => deliverItem(ctx, item, run));

  const counts = countItems(ctx.db);
  ctx.log.info({ ...counts, delivered: run.delivered, failures: run.failures.length, stopped: run.stoppedBy !== undefined }, 'delivery finished');
  if (run.stoppedBy !== undefined) throw run.stoppedBy;
  return { delivered: run.delivered, queued: counts.queued, rejected: counts.rejected, failures: run.failures };
}
