import type { IncomingMessage } from 'node:http';
import { authorize, isReply } from './simulator.auth.js';
import type { SimulatorContext } from './simulator.context.js';
import { emptyReply, jsonReply, type Reply } from './simulator.http.js';
import { unsupportedMediaType, validationProblem } from './simulator.problems.js';

/** `StatusFeedMaxPageSize`: larger and smaller page sizes are clamped, never rejected. */
const MAX_PAGE_SIZE = 500;
const INT64 = /^\s*[+-]?\d+\s*$/;

type Query = { seq: number; pageSize: number; orderBy: 'asc' | 'desc' };

/** Model binding of `GetStatusFeedRequestExt` from the query, with the framework's messages. */
function bindQuery(
  params: URLSearchParams,
): { ok: true; query: Query } | { ok: false; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const query: Query = { seq: 0, pageSize: MAX_PAGE_SIZE, orderBy: 'asc' };
  const seq = params.get('seq');
  if (seq !== null && seq !== '') {
    if (!INT64.test(seq)) errors.Seq = [`The value '${seq}' is not valid for Seq.`];
    else if (Number(seq) < 0) errors.Seq = ['The field Seq must be between 0 and 9.223372036854776E+18.'];
    else query.seq = Number(seq);
  }
  const size = params.get('pageSize');
  if (size !== null && size !== '') {
    if (!INT64.test(size) || Math.abs(Number(size)) > 2147483647) {
      errors.PageSize = [`The value '${size}' is not valid for PageSize.`];
    } else query.pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Number(size)));
  }
  const order = params.get('orderBy');
  if (order !== null && order !== '') {
    const v = order.trim().toLowerCase();
    if (v === 'asc' || v === '0') query.orderBy = 'asc';
    else if (v === 'desc' || v === '1') query.orderBy = 'desc';
    else errors.OrderBy = [`The value '${order}' is not valid for OrderBy.`];
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, query };
}

/**
 * `GET /future/shipment/feed` (`API/Controllers/StatusFeedController.cs`, `FP/getstatusfeed.sql`): the caller org's
 * final-status rows after `seq` (or before it, newest first, with `orderBy=desc`), hiding rows younger than 2 s.
 */
export async function handleFeed(ctx: SimulatorContext, req: IncomingMessage, url: URL): Promise<Reply> {
  const caller = await authorize(ctx, req);
  if (isReply(caller)) return caller;
  const contentType = req.headers['content-type'];
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (contentType !== undefined && mediaType !== 'application/json') return unsupportedMediaType();
  const bound = bindQuery(url.searchParams);
  if (!bound.ok) return validationProblem(bound.errors);
  if (caller.org === undefined) return emptyReply(403);
  const q = bound.query;
  return jsonReply(200, ctx.feed.page(caller.org, ctx.clock.now(), q.seq, q.pageSize, q.orderBy));
}
