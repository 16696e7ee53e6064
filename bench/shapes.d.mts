// Types of shapes.mjs, for the tests that read its shapes (test/yaml-scan.test.ts).
export const SEED: number;
export const SHAPES: readonly string[];
export function random(seed: number): () => number;
export function largestRemainderCents(cents: bigint, rates: readonly bigint[]): bigint[];
export function writeShape(dir: string, shape: string, count: number): void;
export function writeFolder(dir: string, shape: string, ext: string, count: number): string;
export function writeProgramme(dir: string, rows: number): string;
