import { createWriteStream } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { api, type ImportOptions, makeTempDir, optionFixes, releaseTempDir, tenureError } from '@tenure/core';
import type { FastifyRequest } from 'fastify';

/** An uploaded file saved to a temp folder, with the import's entity and options from the form's fields. */
export interface Upload {
  path: string;
  entity: string;
  options: ImportOptions & { name: string };
  /** Remove the temp folder. */
  discard(): void;
}

/**
 * Receive a multipart import: the file is streamed to disk (never held in memory; over the size limit it is
 * refused with 413) under a neutral name that keeps the extension, for format detection; the original name
 * is what the import summary and messages show.
 */
export async function receiveUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw tenureError('TEN_UNSUPPORTED_MEDIA_TYPE', { type: req.headers['content-type'] ?? '' });
  // A folder named for this process: removed on exit or SIGTERM, and by the next process if this one is killed.
  const dir = makeTempDir('upload');
  const discard = () => releaseTempDir(dir);
  try {
    const fields: Record<string, string> = {};
    let file: { path: string; name: string } | null = null;
    for await (const part of req.parts()) {
      if (part.type === 'field') fields[part.fieldname] = String(part.value);
      else if (part.fieldname === 'file' && !file) {
        const name = basename(part.filename || 'upload');
        const path = join(dir, `upload${extname(name).replace(/[^.A-Za-z0-9]/g, '')}`);
        await pipeline(part.file, createWriteStream(path));
        file = { path, name };
      } else part.file.resume();
    }
    if (!file) throw tenureError('TEN_BAD_REQUEST', { detail: 'the multipart field "file" is missing' });
    const parsed = api.importFields.safeParse(fields);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message }));
      // A bad value among the options is a bad option, refused as `tenure import` refuses the same flag.
      if (parsed.error.issues.every((i) => i.path[0] === 'options' && i.path.length > 1)) {
        const issues = parsed.error.issues.map((i) => ({ ...i, path: i.path.slice(1) }));
        const fixes = optionFixes(issues, JSON.parse(fields.options ?? '{}'));
        throw tenureError('TEN_BAD_OPTION', { fixes }, {}, { errors });
      }
      throw tenureError(
        'TEN_BAD_REQUEST',
        { detail: errors.map((e) => `${e.path}: ${e.message}`).join('; ') },
        {},
        { errors },
      );
    }
    const { entity, map, options } = parsed.data;
    return {
      path: file.path,
      entity,
      options: { ...api.camelKeys(options ?? {}), ...(map ? { map } : {}), name: file.name },
      discard,
    };
  } catch (e) {
    discard();
    throw e;
  }
}
