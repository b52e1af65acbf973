export declare const repoRoot: string;
export declare function findElectronBinary(root?: string): string | null;
