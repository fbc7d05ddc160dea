import type { NormalizeContext } from "./context.js";
import type { KindDetails, MissingResource, StorageErrorKind } from "./kinds.js";
import type { S3XmlError } from "./parse/s3-xml.js";

type Details = Partial<
  KindDetails["not_found"] &
    KindDetails["too_large"] &
    KindDetails["range_not_satisfiable"] &
    KindDetails["clock_skew"] &
    KindDetails["redirect"]
>;

const RESOURCE_BY_CODE: ReadonlyMap<string, MissingResource> = new Map([
  ["NoSuchKey", "key"],
  ["NoSuchBucket", "bucket"],
  ["NoSuchUpload", "upload"],
  ["NoSuchVersion", "version"],
  ["NoSuchBucketPolicy", "policy"],
  ["NoSuchTagSet", "tag_set"],
  ["NoSuchTagSetError", "tag_set"],
  ["TenantNotFound", "tenant"],
]);

/** What a not_found code says is missing. */
export function resourceOfCode(code: string): MissingResource {
  const known = RESOURCE_BY_CODE.get(code);
  if (known !== undefined) return known;
  return /^NoSuch\w*Configuration$/.test(code) ? "configuration" : "unknown";
}

function toSize(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,16}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

function toDate(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  // RequestTime comes in the signature's basic format: 20261122T044000Z.
  const basic = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value.trim());
  const text =
    basic === null
      ? value.trim()
      : `${basic.slice(1, 4).join("-")}T${basic.slice(4, 7).join(":")}Z`;
  const time = Date.parse(text);
  return Number.isFinite(time) ? new Date(time) : undefined;
}

/** The kind-specific fields of `kind`, from XML elements, headers and the caller's context. */
export function readKindDetails(
  kind: StorageErrorKind,
  code: string,
  fields: S3XmlError,
  header: ((name: string) => string | undefined) | undefined,
  context: NormalizeContext | undefined,
): Details {
  switch (kind) {
    case "not_found":
      return {
        resource: resourceOfCode(code),
        bucket: fields.BucketName ?? fields.Bucket ?? context?.bucket,
        key: fields.Key ?? context?.key,
        uploadId: fields.UploadId,
      };
    case "redirect":
      return {
        region: fields.Region ?? header?.("x-amz-bucket-region"),
        endpoint: fields.Endpoint,
      };
    case "too_large":
      return { maxSize: toSize(fields.MaxSizeAllowed), proposedSize: toSize(fields.ProposedSize) };
    case "range_not_satisfiable":
      return { actualSize: toSize(fields.ActualObjectSize), rangeRequested: fields.RangeRequested };
    case "clock_skew": {
      const serverTime = toDate(fields.ServerTime) ?? toDate(header?.("date"));
      const requestMs = toDate(fields.RequestTime)?.getTime() ?? context?.requestTimeMs;
      const skewMs =
        serverTime === undefined || requestMs === undefined
          ? undefined
          : serverTime.getTime() - requestMs;
      return { serverTime, skewMs };
    }
    default:
      return {};
  }
}
