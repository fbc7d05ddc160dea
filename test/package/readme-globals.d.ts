// Names the README's samples use without defining them (the reader's own code). A new sample
// that uses another such name declares it here. (Samples importing bucketguard/r2 are checked
// with the Workers globals instead, as `wrangler types` declares them.)
declare const storage: { read(key: string): Promise<string> };
declare const key: string;
declare const url: string;
declare const accessKeyId: string;
declare const secretAccessKey: string;
declare function fetchObject(key: string, init: { signal: AbortSignal }): Promise<Uint8Array>;
declare function fn(attempt: { signal: AbortSignal; attempt: number }): Promise<unknown>;
declare function download(key: string): Promise<string>;
