import { randomBytes } from "node:crypto";
import { defineOperation, register } from "./lib/operation.ts";
import { RATER_SCRIPT } from "./sessions-page-script.ts";

/** Large touch targets (48 px), one column, readable at 360 px; colours pass WCAG AA contrast. */
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:17px/1.5 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1b1b1b;background:#f4f5f7}
main{max-width:640px;margin:0 auto;padding:0 12px 96px}
h1{font-size:1.35rem;margin:16px 0 4px}
h1[tabindex="-1"]:focus{outline:none}
.top{padding:4px 0 0}
.bar-box{position:sticky;top:0;background:#f4f5f7;padding:6px 0;z-index:1;border-bottom:1px solid #d0d4da}
.meta,.hint{color:#3d4450;margin:4px 0}
.bar{height:10px;background:#d0d4da;border-radius:5px;overflow:hidden}
.bar-fill{height:100%;width:0;background:#0b6a3a;transition:width .2s}
.bar-text{margin:4px 0 0;font-size:.95rem;color:#3d4450}
fieldset.cadre{border:1px solid #c4c9d0;border-radius:10px;background:#fff;margin:14px 0;padding:10px 12px 12px}
fieldset.cadre.done{border-color:#0b6a3a;box-shadow:inset 4px 0 0 #0b6a3a}
legend{padding:0 6px;font-weight:600}
legend .unit{font-weight:400;color:#3d4450;margin-left:8px;font-size:.9rem}
.dim{margin:10px 0 0}
.dim-label{display:block;font-weight:600;margin-bottom:4px}
.choices{display:flex;flex-wrap:wrap;gap:5px}
.choice input{position:absolute;opacity:0;width:1px;height:1px}
.choice label{display:inline-flex;align-items:center;justify-content:center;min-width:52px;min-height:48px;padding:6px 8px;border:2px solid #8a929c;border-radius:8px;background:#fff;cursor:pointer}
.choice input:checked+label{background:#0b4f8a;border-color:#0b4f8a;color:#fff;font-weight:600}
.choice input:focus-visible+label{outline:3px solid #e0a100;outline-offset:2px}
.numeric label{display:block;font-weight:600;margin-bottom:4px}
input[type=number],.code-entry input{width:100%;min-height:48px;font-size:1.1rem;padding:8px 10px;border:2px solid #8a929c;border-radius:8px}
.actions{display:flex;gap:10px;margin:18px 0}
button{min-height:52px;padding:10px 18px;font-size:1.05rem;border-radius:10px;border:2px solid #0b4f8a;cursor:pointer}
button.primary{background:#0b4f8a;color:#fff;flex:1}
button.secondary{background:#fff;color:#0b4f8a}
button:disabled{opacity:.6}
.refusal{background:#fde8e8;border:1px solid #b3261e;color:#7a1410;border-radius:8px;padding:10px 12px}
.table-wrap{overflow-x:auto;background:#fff;border-radius:8px;border:1px solid #c4c9d0}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{padding:6px 4px;border-bottom:1px solid #e1e4e8;text-align:center;white-space:nowrap}
th[scope=row]{text-align:left}
tr.missing{background:#fff4d6}
.receipt{font:600 1.05rem/1.6 ui-monospace,Menlo,Consolas,monospace;background:#fff;border:2px dashed #0b6a3a;border-radius:8px;padding:12px;word-spacing:.3em;overflow-wrap:anywhere}
.code-entry{display:flex;flex-direction:column;gap:8px;margin-top:16px}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
a{color:#0b4f8a}
`;

export function raterPage(nonce: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>民主测评 Assessment ballot</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main id="main"><h1>民主测评</h1><noscript>请开启浏览器的 JavaScript 后重试 / Please enable JavaScript</noscript></main>
<div id="live" class="sr-only" aria-live="polite"></div>
<script nonce="${nonce}">${RATER_SCRIPT}</script>
</body>
</html>`;
}

export const operation = defineOperation({
  name: "sessionsPage",
  method: "GET",
  route: "vote",
  roles: "public",
  summary: {
    "zh-CN": "投票人的手机页面（扫码打开，无需登录）",
    en: "The rater's phone page (opened by scanning; no sign-in)",
  },
  description: {
    "zh-CN": "测评条二维码指向 /api/vote#c=<码>；码在地址的 # 之后，浏览器不会把它发给服务器。",
    en: "A slip's QR code points at /api/vote#c=<code>; the code sits after the #, which browsers never send to a server.",
  },
  request: {},
  responses: [{ status: 200, description: { "zh-CN": "HTML 页面", en: "HTML page" }, contentType: "text/html" }],
  run: async () => {
    const nonce = randomBytes(16).toString("base64");
    return {
      body: raterPage(nonce),
      contentType: "text/html; charset=utf-8",
      headers: {
        "Content-Security-Policy": `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
      },
    };
  },
});

export const sessionsPage = operation.handler;
register(operation);
