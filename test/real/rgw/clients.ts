import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import type { RgwCredentials } from "../../../scripts/rgw/rgw-server.js";
import { type BucketguardOptions, bucketguard } from "../../../src/adapters/aws-sdk/index.js";
import { createRecording, type HttpHandlerLike, type Recording } from "./recording-handler.js";

/** A client and the recording of what it sent. */
export interface RgwClient {
  readonly client: S3Client;
  readonly recording: Recording;
}

/** Options of {@link makeRgwClient}. */
export interface RgwClientOptions {
  /** The plugin's options; `false` for a bare SDK client. Default: the plugin, no jitter. */
  readonly plugin?: BucketguardOptions | false;
  /** Where to send requests (the fault proxy); default the gateway itself. */
  readonly endpoint?: string;
  readonly config?: Partial<S3ClientConfig>;
}

/**
 * An S3 client for radosgw. Pacific rejects the SDK's default streaming CRC32 trailer, hence
 * `requestChecksumCalculation: "WHEN_REQUIRED"`.
 */
export function makeRgwClient(
  endpoint: string,
  credentials: RgwCredentials,
  options: RgwClientOptions = {},
): RgwClient {
  const inner = new S3Client({}).config.requestHandler as unknown as HttpHandlerLike;
  const recording = createRecording(inner);
  const client = new S3Client({
    region: "us-east-1",
    endpoint: options.endpoint ?? endpoint,
    forcePathStyle: true,
    credentials,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    requestHandler: recording.handler,
    ...options.config,
  });
  if (options.plugin !== false) {
    client.middlewareStack.use(bucketguard({ random: () => 0, ...options.plugin }));
  }
  return { client, recording };
}
