import { describe, expect, it } from "vitest";
import { decodeXmlText, MAX_XML_SCAN_CHARS, parseS3Xml } from "../../../src/errors/parse/s3-xml.js";

describe("parseS3Xml", () => {
  it("reads the known elements of an <Error> document", () => {
    const xml = `<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>The key &amp; &lt;more&gt; &#x41;&#66;</Message><Key>a/b.txt</Key><RequestId>R</RequestId><HostId>H</HostId></Error>`;
    expect(parseS3Xml(xml)).toEqual({
      Code: "NoSuchKey",
      Message: "The key & <more> AB",
      Key: "a/b.txt",
      RequestId: "R",
      HostId: "H",
    });
  });

  it("never keeps secret elements (StringToSign, CanonicalRequest, Token-0, SignatureProvided, AWSAccessKeyId, ArgumentValue)", () => {
    const xml =
      "<Error><Code>SignatureDoesNotMatch</Code><StringToSign>s</StringToSign><CanonicalRequest>c</CanonicalRequest><Token-0>t</Token-0><SignatureProvided>p</SignatureProvided><AWSAccessKeyId>k</AWSAccessKeyId><ArgumentValue>v</ArgumentValue><StringToSignBytes>b</StringToSignBytes></Error>";
    expect(parseS3Xml(xml)).toEqual({ Code: "SignatureDoesNotMatch" });
  });

  it("reads IBM's httpStatusCode and tolerates attributes, self-closing tags, comments and CDATA", () => {
    const xml = `<Error xmlns="x"><!-- note --><Code>VaultQuotaExceeded</Code><Empty/><![CDATA[<Code>X</Code>]]><httpStatusCode>507</httpStatusCode></Error>`;
    expect(parseS3Xml(xml)).toEqual({ Code: "VaultQuotaExceeded", httpStatusCode: "507" });
  });

  it("keeps complete elements of truncated XML and returns undefined for non-XML", () => {
    expect(parseS3Xml("<Error><Code>SlowDown</Code><Message>Please red")).toEqual({
      Code: "SlowDown",
    });
    expect(parseS3Xml("<Error><Co")).toBeUndefined();
    expect(parseS3Xml("<!DOCTYPE html><html><body>Bad Gateway</body></html>")).toBeUndefined();
    expect(parseS3Xml("")).toBeUndefined();
  });

  it("does not expand custom entities: an entity bomb stays literal", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><Error><Code>&lol2;</Code></Error>`;
    expect(parseS3Xml(bomb)).toEqual({ Code: "&lol2;" });
    expect(decodeXmlText("&unknown; &#0; &#x110000;")).toBe("&unknown; &#0; &#x110000;");
  });

  it("scans only a bounded prefix", () => {
    const padding = " ".repeat(MAX_XML_SCAN_CHARS);
    expect(parseS3Xml(`<Error>${padding}<Code>Late</Code></Error>`)).toBeUndefined();
  });
});
