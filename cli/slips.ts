import { writeFile } from "node:fs/promises";
import { renderSlips, type Slip } from "../io/slips-pdf.ts";
import { EXIT, InputError } from "../io/index.ts";
import { UsageError } from "./errors.ts";
import type { Output } from "./score.ts";

export interface SlipsOptions {
  session?: string;
  groups: string[];
  out?: string;
  api?: string;
  token?: string;
}

/**
 * `kaoping slips --session ID --group peer:12 --group subordinate:20 --out slips.pdf`: issues the codes
 * through the API (as the session's owner, token in KAOPING_TOKEN) and prints them as an A4 PDF of slips.
 * The codes exist only in that PDF: the service keeps their hashes.
 */
export async function slipsCommand(o: SlipsOptions, out: Output): Promise<number> {
  if (!o.session) throw new UsageError("缺少 --session <会话编号>", "missing --session <session id>");
  if (!o.out || !/\.pdf$/i.test(o.out)) throw new UsageError("缺少 --out <测评条.pdf>", "missing --out <slips.pdf>");
  if (o.groups.length === 0)
    throw new UsageError("至少需要一个 --group <测评主体>:<张数>", "at least one --group <rater group>:<count>");
  const wanted = o.groups.map((g) => {
    const m = /^([A-Za-z][A-Za-z0-9_-]*):(\d{1,4})$/.exec(g);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 1000)
      throw new UsageError(
        `--group「${g}」格式应为 测评主体键名:张数（1–1000），如 peer:12`,
        `--group "${g}" must be groupKey:count (1 to 1000), e.g. peer:12`,
      );
    return { group: m[1]!, count: Number(m[2]) };
  });
  const api = (o.api ?? process.env.KAOPING_API ?? "http://127.0.0.1:7071/api").replace(/\/$/, "");
  const token = o.token ?? process.env.KAOPING_TOKEN;
  if (!token) throw new UsageError("缺少访问令牌：请设置环境变量 KAOPING_TOKEN", "no access token: set KAOPING_TOKEN");
  const slips: Slip[] = [];
  let title = "";
  for (const w of wanted) {
    const res = await fetch(`${api}/sessions/${encodeURIComponent(o.session)}/codes`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(w),
    }).catch(() => {
      throw new InputError(
        "service",
        { "zh-CN": `无法连接服务 ${api}`, en: `cannot reach the service at ${api}` },
        [],
        EXIT.input,
      );
    });
    const body = (await res.json().catch(() => ({}))) as {
      codes?: string[];
      label?: string;
      title?: string;
      message?: { "zh-CN": string; en: string };
    };
    if (res.status !== 201 || !body.codes)
      throw new InputError(
        "service",
        body.message ?? { "zh-CN": `服务返回 ${res.status}`, en: `the service answered ${res.status}` },
        slips.length > 0
          ? [
              {
                "zh-CN": `已为前面的测评主体发出 ${slips.length} 个码但未打印；这些码作废不用即可`,
                en: `${slips.length} codes were already issued to the groups before and not printed; leave them unused`,
              },
            ]
          : [],
        EXIT.input,
      );
    title = body.title ?? title;
    for (const code of body.codes)
      slips.push({ code, groupLabel: body.label ?? w.group, url: `${api}/vote#c=${code}` });
  }
  await writeFile(o.out, await renderSlips({ title, slips }));
  out.stdout(
    `已生成 ${slips.length} 张测评条：${o.out}\nWrote ${slips.length} slips to ${o.out}\n` +
      wanted.map((w) => `  ${w.group}: ${w.count}\n`).join(""),
  );
  return 0;
}
