import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { setImmediate as yieldToEvents } from 'node:timers/promises';

/**
 * A file of prebuilt JSON texts keyed by customer id, read by offset: `<name>.jsonl` holds one record per
 * customer (the id as a JSON string, a tab, the JSON text, a newline) and `<name>.idx` an open-addressing
 * table from a 32-bit hash of the id to the record's offset and length. A lookup is a probe in memory and one
 * read of the record, where a query would plan and run a statement in the database (milliseconds of CPU,
 * on a server that has two cores for a hundred agents).
 */

/** FNV-1a over the id's UTF-16 code units: any fixed hash does, the file holds the id to check. */
function hash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Writes the records in the order given, then the index; both under temporary names until `finish`. */
export class ServedFileWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly ids: number[] = [];
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];

  constructor(private readonly base: string) {
    this.fd = openSync(`${base}.jsonl.tmp`, 'w');
  }

  add(id: string, json: string): void {
    const bytes = Buffer.from(`${JSON.stringify(id)}\t${json}\n`);
    writeSync(this.fd, bytes);
    this.ids.push(hash(id));
    this.offsets.push(this.offset);
    this.lengths.push(bytes.length);
    this.offset += bytes.length;
  }

  /** Stop without a file: close and remove what was written. */
  abandon(): void {
    closeSync(this.fd);
    rmSync(`${this.base}.jsonl.tmp`, { force: true });
  }

  /**
   * Write the index and give both files their names. Asynchronous, yielding while it fills the index: the server
   * builds these files while it serves, and a million customers' index held its event loop for 300 ms.
   */
  async finish(): Promise<void> {
    closeSync(this.fd);
    const n = this.ids.length;
    // At most half full, so a probe meets an empty slot within a few steps.
    let slots = 16;
    while (slots < 2 * n) slots *= 2;
    const hashes = new Uint32Array(slots);
    const offsets = new Float64Array(slots).fill(-1);
    const lengths = new Uint32Array(slots);
    for (let i = 0; i < n; i++) {
      if (i % 65_536 === 65_535) await yieldToEvents();
      let s = (this.ids[i] as number) & (slots - 1);
      while (offsets[s] !== -1) s = (s + 1) & (slots - 1);
      hashes[s] = this.ids[i] as number;
      offsets[s] = this.offsets[i] as number;
      lengths[s] = this.lengths[i] as number;
    }
    const head = new Uint32Array([slots]);
    const index = Buffer.concat([head, offsets, hashes, lengths].map((a) => Buffer.from(a.buffer)));
    await writeFile(`${this.base}.idx.tmp`, index);
    renameSync(`${this.base}.jsonl.tmp`, `${this.base}.jsonl`);
    renameSync(`${this.base}.idx.tmp`, `${this.base}.idx`);
  }
}

/** An open served file: its index in memory, its records read on demand. */
export class ServedFile {
  private constructor(
    private readonly file: Awaited<ReturnType<typeof open>>,
    private readonly offsets: Float64Array,
    private readonly hashes: Uint32Array,
    private readonly lengths: Uint32Array,
  ) {}

  static async open(base: string): Promise<ServedFile> {
    const index = readFileSync(`${base}.idx`);
    const slots = index.readUInt32LE(0);
    // Copied out to aligned buffers: a Float64Array cannot start at byte 4 of the file's buffer.
    const offsets = new Float64Array(slots);
    Buffer.from(offsets.buffer).set(index.subarray(4, 4 + 8 * slots));
    const rest = new Uint32Array(2 * slots);
    Buffer.from(rest.buffer).set(index.subarray(4 + 8 * slots, 4 + 16 * slots));
    return new ServedFile(await open(`${base}.jsonl`, 'r'), offsets, rest.subarray(0, slots), rest.subarray(slots));
  }

  /** The JSON text kept for `id` as UTF-8 bytes (a route sends them as they are), or null when the file has none. */
  async get(id: string): Promise<Buffer | null> {
    const h = hash(id);
    const mask = this.offsets.length - 1;
    const key = Buffer.from(`${JSON.stringify(id)}\t`);
    for (let s = h & mask; this.offsets[s] !== -1; s = (s + 1) & mask) {
      if (this.hashes[s] !== h) continue;
      const length = this.lengths[s] as number;
      const record = Buffer.allocUnsafe(length);
      await this.file.read(record, 0, length, this.offsets[s]);
      if (record.subarray(0, key.length).equals(key)) return record.subarray(key.length, length - 1);
    }
    return null;
  }

  close(): Promise<void> {
    return this.file.close();
  }
}

/** A served file and the patch read before it (served-views.ts): each record from the patch when it has one. */
export class PatchedServedFile {
  private constructor(
    private readonly base: ServedFile,
    private readonly patch: ServedFile | null,
  ) {}

  /** Open the file at `path` and its patch at `patch` (paths without extension). */
  static async open({ path, patch }: { path: string; patch: string | null }): Promise<PatchedServedFile> {
    const base = await ServedFile.open(path);
    try {
      return new PatchedServedFile(base, patch ? await ServedFile.open(patch) : null);
    } catch (e) {
      await base.close();
      throw e;
    }
  }

  async get(id: string): Promise<Buffer | null> {
    return (await this.patch?.get(id)) ?? this.base.get(id);
  }

  async close(): Promise<void> {
    await Promise.all([this.base.close(), this.patch?.close()]);
  }
}
