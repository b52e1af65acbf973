export interface Migration {
  /** 1, 2, 3 …: applied in order, each exactly once, never edited after release */
  version: number;
  name: string;
  sql: string;
}
