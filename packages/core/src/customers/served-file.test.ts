import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ServedFile, ServedFileWriter } from './served-file.ts';

it('finds every record by its id, and none for an id it does not hold', async () => {
  const base = join(mkdtempSync(join(tmpdir(), 'tenure-served-')), 'views');
  // Enough ids that probes run past slots of other ids; ids with quotes, tabs, newlines and Chinese.
  const ids = Array.from({ length: 50_000 }, (_, i) => (i % 7 === 0 ? `客户\t"${i}"\n` : `C${i}`));
  const writer = new ServedFileWriter(base);
  for (const id of ids) writer.add(id, JSON.stringify({ id, n: id.length }));
  await writer.finish();
  const file = await ServedFile.open(base);
  try {
    for (const id of ids) expect(JSON.parse(String(await file.get(id)))).toEqual({ id, n: id.length });
    for (const id of ['C50000', '', '客户', 'c1']) expect(await file.get(id)).toBeNull();
  } finally {
    await file.close();
  }
});
