/**
 * How names and ids are compared for duplicates: as they look on the page,
 * not as their code points run. Used by the loaders (keys, columns) and the
 * project checks (partner names). Pure.
 */

/**
 * Characters that show nothing: zero-width space, non-joiner and joiner, word joiner, and the byte-order mark
 * (zero-width no-break space).
 */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
/** Text that is plain printable ASCII is its own comparison form: most names and every valid source id. */
const PLAIN = /^[\x20-\x7e]*$/;

/**
 * The form two names or ids are compared in, never shown: composed (NFC, so
 * "s" + a combining comma below is "ș") and without invisible characters. Two
 * texts that look the same on the page compare the same.
 */
export function comparable(text: string): string {
  return PLAIN.test(text) ? text : text.replace(INVISIBLE, '').normalize('NFC');
}

/** Whether two texts differ only by invisible characters or composition. */
export function differsInvisibly(a: string, b: string): boolean {
  return a !== b && comparable(a) === comparable(b);
}

/**
 * The invisible and combining characters of look-alike texts, as code points
 * (`U+200B, U+0326`): what tells two names apart that look the same on the page.
 */
export function unseenCharacters(...texts: string[]): string {
  const codes = new Set<string>();
  for (const text of texts)
    for (const c of text.matchAll(/[\p{M}\u200b-\u200d\u2060\ufeff]/gu))
      codes.add(`U+${c[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return [...codes].join(', ');
}

/** Romanian letters with a cedilla, as old keyboards type them, to the comma-below letters they stand for. */
const CEDILLA: Readonly<Record<string, string>> = { ş: 'ș', Ş: 'Ș', ţ: 'ț', Ţ: 'Ț' };

/**
 * A partner name as duplicates are found: compared as above, case aside,
 * every run of spaces (no-break ones too) one space, and ş/ţ as ș/ț:
 * `Rīgas dome` and `Rīgas  dome` are one partner stated twice.
 */
export function partnerKey(name: string): string {
  const key = comparable(name);
  if (PLAIN.test(key)) return (key.includes('  ') ? key.replace(/ +/g, ' ') : key).trim().toLowerCase();
  return key
    .replace(/\s+/gu, ' ')
    .replace(/[şŞţŢ]/g, (c) => CEDILLA[c]!)
    .trim()
    .toLowerCase();
}

/**
 * The first writing of each partner name, found by its `partnerKey`. Kept by a 30-bit hash of the key rather than
 * the key itself (the first name is kept either way, for the finding's words): a programme's million partners
 * were a million key strings besides their names. Two keys of one hash are told apart by their names' keys.
 */
export class FirstNames {
  /** Open addressing by hash: each slot an entry's number + 1, 0 when empty; never more than half full. */
  private slots = new Int32Array(1 << 12);
  /**
   * Per entry, in the order first met: its key's hash, and where its name starts among all the names met, end to end
   * (it ends where the next entry's starts: the names are kept in the order met).
   */
  private hashes = new Int32Array(1 << 11);
  private starts = new Uint32Array(1 << 11);
  private count = 0;
  /** The length of all the names met, end to end. */
  private total = 0;
  /** The names met, joined into strings of about 64 K characters: a million names weigh only their text. */
  private readonly chunks: string[] = [];
  /** Where each chunk starts among all the names. */
  private readonly chunkStarts: number[] = [];
  /** The names of the chunk not yet joined. */
  private pending: string[] = [];
  private pendingLength = 0;

  /** The first writing of `name`'s key, or undefined (and `name` noted as the first) when it is the first. */
  firstOf(name: string): string | undefined {
    const key = partnerKey(name);
    const hash = hashOf(key);
    const mask = this.slots.length - 1;
    // entries of one hash lie along its probe in the order they were met: the first found is the first written
    let slot = hash & mask;
    for (let entry = this.slots[slot] ?? 0; entry !== 0; entry = this.slots[slot] ?? 0) {
      if (this.hashes[entry - 1] === hash) {
        const other = this.nameOf(entry - 1);
        if (other === name || partnerKey(other) === key) return other;
      }
      slot = (slot + 1) & mask;
    }
    this.note(name, hash);
    return undefined;
  }

  private nameOf(entry: number): string {
    const firstPending = this.count - this.pending.length;
    if (entry >= firstPending) return this.pending[entry - firstPending] ?? '';
    const start = this.starts[entry] ?? 0;
    const end = entry + 1 < this.count ? (this.starts[entry + 1] ?? 0) : this.total;
    // the last chunk that starts at or before the name: a name lies in one chunk
    let low = 0;
    let high = this.chunkStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.chunkStarts[middle] ?? 0) <= start) low = middle;
      else high = middle - 1;
    }
    const from = this.chunkStarts[low] ?? 0;
    return (this.chunks[low] ?? '').slice(start - from, end - from);
  }

  private note(name: string, hash: number): void {
    // never in a file cofin reads (its names are a few hundred megabytes at most): a place past 32 bits would wrap
    if (this.total + name.length > 0xffffffff) throw new RangeError('more than 4 G characters of partner names');
    if (this.count === this.hashes.length) this.growEntries();
    const entry = this.count++;
    this.hashes[entry] = hash;
    this.starts[entry] = this.total;
    this.total += name.length;
    this.pending.push(name);
    this.pendingLength += name.length;
    if (this.pendingLength >= 1 << 16) this.flush();
    if (this.count * 2 > this.slots.length) this.growSlots();
    else this.place(entry);
  }

  /** Joins the pending names into a chunk. */
  private flush(): void {
    const chunk = this.pending.join('');
    chunk.charCodeAt(0); // flat: a joined string is a rope in V8 until a character is read
    this.chunkStarts.push(this.total - chunk.length);
    this.chunks.push(chunk);
    this.pending = [];
    this.pendingLength = 0;
  }

  private place(entry: number): void {
    const mask = this.slots.length - 1;
    let slot = (this.hashes[entry] ?? 0) & mask;
    while ((this.slots[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry + 1;
  }

  private growSlots(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    // in the order met: each hash's entries keep their order along its probe
    for (let entry = 0; entry < this.count; entry++) this.place(entry);
  }

  private growEntries(): void {
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const starts = new Uint32Array(this.starts.length * 2);
    starts.set(this.starts);
    this.starts = starts;
  }
}

/** FNV-1a over the UTF-16 code units, to 30 bits: a small integer, which a Map keeps without a number object. */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}
