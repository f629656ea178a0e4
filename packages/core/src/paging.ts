/** Paged lists, the same everywhere (docs/api.md, "Conventions"): 1-based pages of at most 500 rows. */
export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  rows: T[];
}

export const MAX_PAGE_SIZE = 500;

/** Page and size, clamped to sensible values, with the SQL LIMIT and OFFSET they mean. */
export function pageOf(q: PageQuery = {}): { page: number; pageSize: number; limit: number; offset: number } {
  const page = Math.max(1, Math.floor(q.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(q.pageSize ?? 50)));
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}
