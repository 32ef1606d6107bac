import { FastifyReply } from 'fastify';
import { ListPage, ListQuery } from './list-query';

/** `Content-Range: applications 0-24/319`, exposed so the console can read it. */
export function setContentRange(
  reply: FastifyReply,
  resource: string,
  query: ListQuery,
  page: ListPage<unknown>,
): void {
  const range =
    page.rows.length > 0
      ? `${query.range.start}-${query.range.start + page.rows.length - 1}`
      : `${query.range.start}-${query.range.start}`;
  reply.header('Content-Range', `${resource} ${range}/${page.total}`);
  reply.header('Access-Control-Expose-Headers', 'Content-Range');
}
