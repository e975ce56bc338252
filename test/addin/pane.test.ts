import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import {
  DEFAULT_POLICIES,
  DEFAULT_POLICY,
  policyIdentity,
  scoreWithIdentity,
  verdictBatch,
  type VerdictItem,
} from "../../shared/index.ts";
import { buildAddin } from "../../dev/addin/build.ts";
import { serveAddin, type AddinServer } from "../../dev/addin/dev-server.ts";
import { startStubServer, type StubServer } from "./stub-server.ts";

/** The built pane in Chromium with an in-page Office stand-in, an Excel-layer double and a real local HTTP service. */

let dist: string;
let site: AddinServer;
let api: StubServer;
let browser: Browser;

const assessment = {
  // 党政正职, three superior ballots of 90 on every dimension: composite 90, band excellent;
  // votes 优秀 2, 称职 1: E+C 3/3 fit, E 2/3 >= 1/2 eligible; quota floor(1/4 x 1) = 0 places => competent.
  cadres: [{ cadreId: "C001", name: "张三", unit: "一处", post: "党政正职", row: 2 }],
  // A fourth ballot with 廉 = 120 is out of range: reported on 测评票 row 5 and not scored.
  ballots: ["优秀", "优秀", "称职", "优秀"].map((gradeVote, i) => ({
    ballotId: `B${i + 1}`,
    raterGroup: "上级领导",
    cadreId: "C001",
    morality: 90,
    ability: 90,
    diligence: 90,
    achievement: 90,
    integrity: i === 3 ? 120 : 90,
    gradeVote,
    row: i + 2,
  })),
  sheets: { cadres: "干部名单", ballots: "测评票" },
};

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), "kaoping-addin-"));
  await buildAddin({
    outDir: dist,
    minify: false,
    excelModule: fileURLToPath(new URL("./excel-double.ts", import.meta.url)),
  });
  const identity = await policyIdentity(DEFAULT_POLICY);
  api = await startStubServer(({ path, body, headers }) => {
    if (path === "/api/health") return { status: 200, body: { ok: true } };
    // What the functions host answers for an expired token.
    if (headers.authorization === "Bearer expired")
      return {
        status: 401,
        type: "application/problem+json",
        body: {
          type: "about:blank",
          title: "Unauthorized",
          status: 401,
          message: { "zh-CN": "访问令牌已过期，请重新登录", en: "the access token has expired; sign in again" },
        },
      };
    if (path === "/api/policies") return { status: 200, body: { items: [] } };
    if (path === "/api/sheets") return { status: 201, body: { id: "S-1" } };
    if (path === "/api/rules/verdict")
      return {
        status: 200,
        body: { policy: identity, results: verdictBatch(DEFAULT_POLICY, (body as { items: VerdictItem[] }).items) },
      };
    return { status: 404, body: { type: "about:blank", title: "Not Found", status: 404 } };
  });
  site = await serveAddin({ port: 0, apiBase: api.url, distDir: dist });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await api?.close();
  if (dist) await rm(dist, { recursive: true, force: true });
});

async function openPane(
  displayLanguage = "zh-CN",
  workbookPolicy: unknown = null,
  storedResult: unknown = null,
): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  await context.addInitScript(
    ([lang, data, bound, stored]) => {
      const w = window as unknown as Record<string, unknown>;
      w.Office = {
        onReady: () => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }),
        context: { displayLanguage: lang },
      };
      w.__excelData = { assessment: data, workbookPolicy: bound, storedResult: stored };
    },
    [displayLanguage, assessment, workbookPolicy, storedResult] as const,
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${site.url}/taskpane.html`);
  await page.waitForSelector("body[data-ready=true]");
  expect(errors).toEqual([]);
  return page;
}

describe("the built task pane", () => {
  it("is served over https with the API base injected, with icons of the right sizes", async () => {
    expect(site.url).toMatch(/^https:\/\/localhost:\d+$/);
    const html = await readFile(join(dist, "taskpane.html"), "utf8");
    expect(html).toContain("appsforoffice.microsoft.com/lib/1/hosted/office.js");
    for (const size of [16, 32, 64, 80]) {
      const png = await readFile(join(dist, `icon-${size}.png`));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    const metadata = JSON.parse(await readFile(join(dist, "functions.json"), "utf8")) as {
      functions: { id: string }[];
    };
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(["QUORUM", "SCORE", "VERDICT", "WEIGHTS"]);
  });

  it("scores with one batched verdict call and shows the summary (zh-CN)", async () => {
    const page = await openPane();
    expect(await page.textContent('[data-testid="nav-score"]')).toBe("计分");
    expect(
      await page.evaluate(() => (window as unknown as { KAOPING_CONFIG: { apiBase: string } }).KAOPING_CONFIG.apiBase),
    ).toBe(api.url);
    const before = api.requests.filter((r) => r.path === "/api/rules/verdict").length;
    await page.click('[data-testid="nav-score"]');
    await page.click('[data-testid="score-run"]');
    await page.waitForSelector('[data-testid="status"][data-state="done"]');
    expect(api.requests.filter((r) => r.path === "/api/rules/verdict").length).toBe(before + 1);
    expect(await page.textContent('[data-testid="grade-count-competent"]')).toBe("称职1");
    expect(await page.textContent('[data-testid="grade-count-excellent"]')).toBe("优秀0");
    expect(await page.isVisible('[data-testid="offline-banner"]')).toBe(false);
    expect(await page.isVisible('[data-testid="score-issues"]')).toBe(true);
    const calls = await page.evaluate(
      () => (window as unknown as { __excelCalls: { name: string; args: unknown[] }[] }).__excelCalls,
    );
    const write = calls.find((c) => c.name === "writeResults")!;
    expect(write.args[2]).toEqual({ lang: "zh-CN", offline: false });
    await page.context().close();
  });

  it("lists every issue with its row, field and rule, each a link to the cell", async () => {
    const page = await openPane();
    await page.click('[data-testid="nav-check"]');
    await page.click('[data-testid="check-run"]');
    await page.waitForSelector('[data-testid="status"][data-state="done"]');
    expect(await page.textContent('[data-testid="issue-count"]')).toBe(
      "发现 1 个问题：单击行号可定位到单元格，改正后再检查一次",
    );
    const cells = await page.$$eval('[data-testid="issue-0"] td', (tds) => tds.map((td) => td.textContent));
    // The field and the rule in the user's words; the cell is still found by the field's key.
    expect(cells.slice(0, 4)).toEqual(["测评票", "5", "廉", "超出范围"]);
    expect(cells[4]).toContain("超出分值范围");
    await page.click('[data-testid="issue-link-0"]');
    await page.waitForFunction(() =>
      (window as unknown as { __excelCalls: { name: string }[] }).__excelCalls.some((c) => c.name === "selectCell"),
    );
    const calls = await page.evaluate(
      () => (window as unknown as { __excelCalls: { name: string; args: unknown[] }[] }).__excelCalls,
    );
    expect(calls.find((c) => c.name === "selectCell")!.args).toEqual(["测评票", 5, "integrity"]);
    expect((calls.find((c) => c.name === "markIssues")!.args[0] as unknown[]).length).toBe(1);
    await page.context().close();
  });

  it("scores with the workbook's own policy on a computer that cached none, and says the workbook wins", async () => {
    const civil = DEFAULT_POLICIES.find((p) => p.id === "civil-servant")!;
    const page = await openPane("zh-CN", { policy: civil, identity: await policyIdentity(civil), published: false });
    expect(await page.textContent('[data-testid="policy-notice"]')).toBe(
      "本工作簿使用「年度考核（公务员） 第 1 版」，与本机上次选择的「年度考核（领导干部） 第 1 版」不同；以工作簿的方案为准",
    );
    expect(await page.isVisible('[data-testid="policy-notice"]')).toBe(true);
    const before = api.requests.length;
    await page.click('[data-testid="nav-score"]');
    await page.click('[data-testid="score-run"]');
    await page.waitForSelector('[data-testid="status"][data-state="done"]');
    const calls = await page.evaluate(
      () => (window as unknown as { __excelCalls: { name: string; args: unknown[] }[] }).__excelCalls,
    );
    const write = calls.find((c) => c.name === "writeResults")!;
    expect((write.args[0] as { policy: { id: string } }).policy.id).toBe("civil-servant");
    expect((write.args[1] as { id: string }).id).toBe("civil-servant");
    // Not published on the server: the cloud gets the document itself.
    const verdictCall = api.requests.slice(before).find((r) => r.path === "/api/rules/verdict")!;
    expect((verdictCall.body as { policy?: { id: string } }).policy?.id).toBe("civil-servant");
    await page.context().close();
  });

  it("submits a result of a newer published version without attaching this computer's cached built-in policy", async () => {
    // Scored elsewhere under `default` version 2 (published on the server); this computer only knows the built-in v1.
    const v2 = { id: "default", version: 2, sha256: "a".repeat(64) };
    const page = await openPane("zh-CN", null, scoreWithIdentity(DEFAULT_POLICY, v2, assessment));
    await page.click('[data-testid="nav-submit"]');
    await page.locator('[data-testid="submit-unit"] input').fill("一处");
    await page.click('[data-testid="submit-send"]');
    // An official record: the pane asks first, and sends only on confirmation.
    await page.waitForSelector('[data-testid="submit-confirm-box"]:not([hidden])');
    expect(api.requests.some((r) => r.path === "/api/sheets")).toBe(false);
    await page.click('[data-testid="submit-confirm"]');
    await page.waitForSelector('[data-testid="status"][data-state="done"] >> text=S-1');
    const sent = api.requests.filter((r) => r.path === "/api/sheets").at(-1)!.body as Record<string, unknown>;
    expect((sent.result as { policy: unknown }).policy).toEqual(v2);
    expect("policy" in sent).toBe(false);
    await page.context().close();
  });

  it("shows an expired token as an error with the sign-in hint, not as offline, and writes nothing", async () => {
    const page = await openPane();
    await page.evaluate(() => localStorage.setItem("kaoping.token", "expired"));
    await page.click('[data-testid="nav-score"]');
    await page.click('[data-testid="score-run"]');
    await page.waitForSelector('[data-testid="status"][data-state="error"]');
    expect(await page.textContent('[data-testid="status"]')).toBe(
      "访问令牌已过期，请重新登录。请到「设置」页单击「登录」重新登录",
    );
    expect(await page.isVisible('[data-testid="offline-banner"]')).toBe(false);
    const calls = await page.evaluate(() => (window as unknown as { __excelCalls: { name: string }[] }).__excelCalls);
    expect(calls.some((c) => c.name === "writeResults")).toBe(false);
    await page.context().close();
  });

  it("says so honestly when the service is unreachable, and marks verdicts provisional (English)", async () => {
    const page = await openPane("en-US");
    await page.evaluate(() => localStorage.setItem("kaoping.apiBase", "http://127.0.0.1:9"));
    await page.click('[data-testid="nav-score"]');
    expect(await page.textContent('[data-testid="nav-score"]')).toBe("Score");
    await page.click('[data-testid="score-run"]');
    await page.waitForSelector('[data-testid="status"][data-state="done"]');
    expect(await page.isVisible('[data-testid="offline-banner"]')).toBe(true);
    expect(await page.isVisible('[data-testid="score-provisional"]')).toBe(true);
    const calls = await page.evaluate(
      () => (window as unknown as { __excelCalls: { name: string; args: unknown[] }[] }).__excelCalls,
    );
    const write = calls.find((c) => c.name === "writeResults")!;
    expect(write.args[2]).toEqual({ lang: "en", offline: true });
    // Every cadre says why it is provisional …
    expect(
      (write.args[0] as { cadres: { reasons: { rule: string; message: { en: string } }[] }[] }).cadres[0]!.reasons.at(
        -1,
      ),
    ).toMatchObject({
      rule: "offline_verdict",
      message: { en: "decided offline from the cached policy; provisional until scored online" },
    });
    // … and Submit refuses it without sending anything.
    await page.click('[data-testid="nav-submit"]');
    await page.click('[data-testid="submit-send"]');
    await page.waitForSelector('[data-testid="status"][data-state="error"]');
    expect(await page.textContent('[data-testid="status"]')).toBe(
      "1 cadre(s) have provisional verdicts decided offline and cannot be submitted; score again online on the Score page",
    );
    await page.context().close();
  });
});
