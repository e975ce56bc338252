import type { Bilingual } from "../../shared/index.ts";
import type { Reply } from "./operation.ts";

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** What a file upload may declare: browsers and flows send xlsx as its own type or as plain bytes. */
export const WORKBOOK_UPLOAD = {
  contentTypes: [XLSX, "application/octet-stream"],
  description: {
    "zh-CN": "考核工作簿 .xlsx（干部名单与测评票两张表，与命令行读取的相同）",
    en: "The assessment workbook .xlsx (the Cadres and Ballots sheets, as the CLI reads them)",
  } satisfies Bilingual,
} as const;

/** A file download with a name that survives Chinese characters (RFC 6266 filename*). */
export function fileReply(bytes: Uint8Array | string, contentType: string, asciiName: string, name: string): Reply {
  return {
    body: bytes,
    contentType,
    headers: {
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  };
}
