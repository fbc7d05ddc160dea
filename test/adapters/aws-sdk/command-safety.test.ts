import { describe, expect, it } from "vitest";
import { classifyCommand } from "../../../src/adapters/aws-sdk/command-safety.js";
import { resumeRange, retargetRegion } from "../../../src/adapters/aws-sdk/http-request.js";

describe("classifyCommand", () => {
  it.each([
    ["GetObjectCommand", {}, "idempotent"],
    ["HeadObject", {}, "idempotent"],
    ["ListObjectsV2Command", {}, "idempotent"],
    ["DeleteObjectsCommand", {}, "idempotent"],
    ["UploadPartCommand", {}, "idempotent"],
    ["PutObjectCommand", {}, "idempotent"],
    ["CopyObjectCommand", {}, "idempotent"],
    ["PutObjectCommand", { IfNoneMatch: "*" }, "conditional"],
    ["PutObjectCommand", { IfMatch: '"e"' }, "conditional"],
    ["CompleteMultipartUploadCommand", {}, "conditional"],
    ["CreateMultipartUploadCommand", {}, "idempotent"],
    ["CreateBucketCommand", {}, "never"],
  ])("%s %j is %s", (name, input, idempotency) => {
    expect(classifyCommand(name, input).idempotency).toBe(idempotency);
  });

  it("asks for reconciliation only where an earlier attempt may have landed", () => {
    expect(classifyCommand("CompleteMultipartUpload", {}).reconcile).toBe("complete_multipart");
    expect(classifyCommand("PutObject", { IfNoneMatch: "*" }).reconcile).toBe("conditional_put");
    expect(classifyCommand("PutObject", {}).reconcile).toBeUndefined();
  });
});

describe("request helpers", () => {
  it("computes the resume range from the caller's range", () => {
    expect(resumeRange(undefined, 10)).toBe("bytes=10-");
    expect(resumeRange("bytes=100-199", 10)).toBe("bytes=110-199");
    expect(resumeRange("bytes=100-", 0)).toBe("bytes=100-");
    expect(resumeRange("bytes=-500", 10)).toBeUndefined();
  });

  it("retargets the region label of an S3 hostname", () => {
    const request = {
      method: "GET",
      hostname: "b.s3.us-east-1.amazonaws.com",
      path: "/k",
      headers: { host: "b.s3.us-east-1.amazonaws.com" },
      query: {},
    };
    expect(retargetRegion(request, "us-east-1", "eu-west-1")).toBe(true);
    expect(request.hostname).toBe("b.s3.eu-west-1.amazonaws.com");
    expect(request.headers.host).toBe("b.s3.eu-west-1.amazonaws.com");
    expect(retargetRegion(request, "ap-south-1", "eu-west-1")).toBe(false);
  });
});
