import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { functionsMetadataHash } from "./build.ts";
import { MANIFEST_PATH, PLACEHOLDER_APP_ID, rewriteManifestBase, setAppId } from "./manifest-url.ts";
import { STAMP_RE, VERSION_RE, stampManifest } from "./manifest-version.ts";

/** fast-xml-parser's ordered form: each node is { tag: children[], ":@": attributes }. */
type XmlNode = Record<string, unknown> & { ":@"?: Record<string, string> };
const tagOf = (n: XmlNode) => Object.keys(n).find((k) => k !== ":@")!;
const childrenOf = (n: XmlNode) => (n[tagOf(n)] as XmlNode[]) ?? [];
const attrs = (n: XmlNode) => n[":@"] ?? {};
function* walk(nodes: XmlNode[], path: string[] = []): Generator<{ node: XmlNode; path: string[] }> {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === "#text" || tag === "#comment") continue;
    yield { node, path: [...path, tag] };
    yield* walk(childrenOf(node), [...path, tag]);
  }
}

const xml = await readFile(MANIFEST_PATH, "utf8");
const tree = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  commentPropName: "#comment",
}).parse(xml) as XmlNode[];
const all = [...walk(tree)];
const named = (tag: string) => all.filter((e) => tagOf(e.node) === tag);

describe("manifest.xml (what Microsoft's validator checks)", () => {
  it("is well-formed XML with a zh-CN default and en-US overrides", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(named("DefaultLocale")[0]!.node.DefaultLocale).toEqual([{ "#text": "zh-CN" }]);
    expect(named("Override").length + named("bt:Override").length).toBeGreaterThan(5);
    for (const o of [...named("Override"), ...named("bt:Override")]) expect(attrs(o.node).Locale).toBe("en-US");
  });

  it("puts <Runtimes> first in the workbook <Host>, with lifetime long, and uses that runtime everywhere", () => {
    const host = all.find((e) => tagOf(e.node) === "Host" && attrs(e.node)["xsi:type"] === "Workbook")!;
    const first = childrenOf(host.node).find((c) => tagOf(c) !== "#text" && tagOf(c) !== "#comment")!;
    expect(tagOf(first)).toBe("Runtimes");
    const runtimes = childrenOf(first).filter((c) => tagOf(c) === "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(attrs(runtimes[0]!).lifetime).toBe("long");
    const runtime = attrs(runtimes[0]!).resid;
    // The custom functions' page, the function file and the task pane all load the same runtime.
    const page = all.find((e) => e.path.at(-2) === "Page" && tagOf(e.node) === "SourceLocation")!;
    const paneAction = all.find((e) => e.path.at(-2) === "Action" && tagOf(e.node) === "SourceLocation")!;
    expect(attrs(page.node).resid).toBe(runtime);
    expect(attrs(paneAction.node).resid).toBe(runtime);
    expect(attrs(named("FunctionFile")[0]!.node).resid).toBe(runtime);
    expect(attrs(named("Namespace")[0]!.node).resid).toBe("Functions.Namespace");
  });

  it("defines every resid it references, once, within Office's length limits", () => {
    const defined = all
      .filter((e) => e.path.some((p) => p === "Resources") && attrs(e.node).id)
      .map((e) => attrs(e.node).id!);
    expect(new Set(defined).size).toBe(defined.length);
    const referenced = all.map((e) => attrs(e.node).resid).filter((r): r is string => Boolean(r));
    expect(referenced.length).toBeGreaterThan(10);
    for (const r of referenced) expect(defined, `resid ${r}`).toContain(r);
    for (const s of all.filter((e) => e.path.includes("bt:ShortStrings") && tagOf(e.node) !== "bt:ShortStrings"))
      expect((attrs(s.node).DefaultValue ?? attrs(s.node).Value)!.length).toBeLessThanOrEqual(125);
    for (const s of all.filter((e) => e.path.includes("bt:LongStrings") && tagOf(e.node) !== "bt:LongStrings"))
      expect((attrs(s.node).DefaultValue ?? attrs(s.node).Value)!.length).toBeLessThanOrEqual(250);
  });

  it("carries <WebApplicationInfo> for Office SSO as the last element of <VersionOverrides>, its resource on the add-in's host", () => {
    const overrides = named("VersionOverrides")[0]!;
    const elements = childrenOf(overrides.node).filter((c) => !["#text", "#comment"].includes(tagOf(c)));
    expect(elements.map(tagOf)).toEqual(["Hosts", "Resources", "WebApplicationInfo"]);
    const info = elements[2]!;
    const text = (tag: string) =>
      (childrenOf(childrenOf(info).find((c) => tagOf(c) === tag)!)[0] as { "#text": string })["#text"];
    const id = text("Id");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(text("Resource")).toBe(`api://localhost:3000/${id}`);
    const scopes = childrenOf(childrenOf(info).find((c) => tagOf(c) === "Scopes")!)
      .filter((c) => tagOf(c) === "Scope")
      .map((c) => (childrenOf(c)[0] as { "#text": string })["#text"]);
    expect(scopes).toEqual(["openid", "profile"]);
  });

  it("uses https for every URL", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="([a-z]+:\/\/[^"]*)"/g)].map((m) => m[1]!);
    urls.push(...named("AppDomain").map((e) => (childrenOf(e.node)[0] as { "#text": string })["#text"]));
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u, u).toMatch(/^https:\/\//);
  });

  it("records the custom functions' metadata hash for this version (change the JSDoc => run dev/addin/manifest-version.ts)", async () => {
    const version = VERSION_RE.exec(xml)?.[1];
    const stamp = STAMP_RE.exec(xml);
    expect(stamp, "manifest.xml lacks the functions-metadata stamp").not.toBeNull();
    expect(stamp![1], "the stamp names another version: bump with npx tsx dev/addin/manifest-version.ts").toBe(version);
    expect(
      stamp![2],
      "functions metadata changed without a version bump: run npx tsx dev/addin/manifest-version.ts",
    ).toBe(await functionsMetadataHash());
  });

  it("carries the product version from package.json in its first three numbers", async () => {
    const { version } = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    expect(VERSION_RE.exec(xml)?.[1]).toMatch(new RegExp(`^${version.replaceAll(".", "\\.")}\\.\\d+$`));
  });
});

describe("manifest tools", () => {
  it("moves every URL to a production base in one step, refusing http", () => {
    const prod = rewriteManifestBase(xml, "https://kaoping.example.cn/addin/");
    expect(prod).not.toContain("localhost");
    expect(prod).toContain(
      '<bt:Url id="Taskpane.Url" DefaultValue="https://kaoping.example.cn/addin/taskpane.html" />',
    );
    expect(() => rewriteManifestBase(xml, "http://kaoping.example.cn")).toThrow(/https/);
  });

  it("moves the SSO resource to the production host and sets the Entra app id", () => {
    const appId = "3f2b8c1e-9d4a-4e6b-8f0a-1c2d3e4f5a6b";
    const prod = setAppId(rewriteManifestBase(xml, "https://kaoping.example.cn/addin"), appId);
    expect(prod).toContain(`<Id>${appId}</Id>`);
    expect(prod).toContain(`<Resource>api://kaoping.example.cn/${appId}</Resource>`);
    expect(prod).not.toContain(PLACEHOLDER_APP_ID);
    expect(() => setAppId(xml, "kaoping")).toThrow(/GUID/);
  });

  it("bumps the version when the metadata hash changes, and only then", () => {
    const base =
      "<Version>1.2.3.4</Version>\n  <!-- functions-metadata version=1.2.3.4 sha256=" + "a".repeat(64) + " -->";
    expect(stampManifest(base, "a".repeat(64), "1.2.3").version).toBe("1.2.3.4");
    const next = stampManifest(base, "b".repeat(64), "1.2.3");
    expect(next.version).toBe("1.2.3.5");
    expect(next.xml).toBe(
      "<Version>1.2.3.5</Version>\n  <!-- functions-metadata version=1.2.3.5 sha256=" + "b".repeat(64) + " -->",
    );
  });
});
