/**
 * One area of a file exchange (ファイル連携): a folder on a share, or a key prefix in an S3 bucket.
 * The counter writes applications into one area and reads results from another; the simulator does
 * the reverse. Both sides speak only this interface, so the exchange rules (file names, manifest
 * last, results set aside once applied) are written once and hold for every kind of storage.
 */
export interface ExchangeArea {
  /** for logs and error messages: the folder or `s3://bucket/prefix` (no credentials) */
  readonly where: string;
  /**
   * Stores the whole object or nothing: a reader never sees half of it (a folder writes a
   * temporary dot file and renames it; an S3 PUT becomes visible only when complete).
   * `slowMs` is the simulator's slow-storage fault: the write takes that long. `durableWithNext`:
   * the next write to this area may make this one durable too (a folder fsyncs itself once for both).
   */
  write(name: string, body: string | Buffer, opts?: WriteOptions): Promise<void>;
  /** the object's bytes, or null when there is none */
  read(name: string): Promise<Buffer | null>;
  /**
   * Whether there is an object of that name. For checks whose answer is mostly "no" (a delivery's
   * manifest before it is written): on S3 a HEAD, with no error document to send and parse.
   */
  exists(name: string): Promise<boolean>;
  /** the objects directly in the area (not in its set-aside sub-areas), temporary ones left out */
  list(): Promise<AreaEntry[]>;
  /** moves an object into a sub-area (`processed`, `unknown`, `unreadable`) */
  setAside(name: string, subArea: string): Promise<void>;
  /** true when the area can be read and written now */
  probe(): Promise<boolean>;
  /** what went wrong, for the clerk (Japanese) and whether the storage was unreachable */
  explain(err: unknown): { reason: string; offline: boolean };
  close?(): void;
}

export interface AreaEntry {
  name: string;
  /** last modification, epoch ms */
  modifiedMs: number;
}

export interface WriteOptions {
  slowMs?: number;
  durableWithNext?: boolean;
}
