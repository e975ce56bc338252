export const HELP = `kaoping 考评 — 干部年度考核（德能勤绩廉）计分工具
kaoping — annual cadre assessment scorer (morality, ability, diligence, achievement, integrity)

用法 Usage:
  kaoping score <工作簿.xlsx> [选项]
  kaoping score --cadres <干部名单.csv> --ballots <测评票.csv> [选项]
  kaoping start                       启动本地服务 start the local API host
  kaoping slips --session <编号> --group <测评主体>:<张数> ... --out <测评条.pdf> [--api <地址>]
                                      发放测评码并打印测评条（令牌取自 KAOPING_TOKEN）
                                      issue codes and print the slips (token from KAOPING_TOKEN)

计分选项 Score options:
  --policy <方案.json>      考核方案文件 policy file (JSON)
  --policy-id <id>          内置方案 built-in policy: default（领导干部，优秀 ≤ 1/4）,
                            civil-servant（公务员，优秀 ≤ 1/5）；默认 default
  --out <结果.xlsx|.csv>    写出计分结果 write the scored workbook (.xlsx, with live formulas) or CSV
  --attendees <n> --expected <n>
                            会议实到/应到人数（方案计票基数为 attendees/expected 时）
                            meeting counts when the policy's vote base is attendees or expected
                            （干部名单的「实到」「应到」列优先 per-cadre columns take precedence）
  --json                    在标准输出打印结果 JSON print the result JSON on stdout
  -h, --help                显示本帮助 show this help

工作簿需有工作表「干部名单」(Cadres) 和「测评票」(Ballots)；表头可用中文、英文或两者，例如「德 Morality」。
The workbook needs sheets 干部名单 (Cadres) and 测评票 (Ballots); headers may be Chinese, English or both.
CSV 可为 UTF-8（可带 BOM）或 GBK/GB18030。 CSV may be UTF-8 (with or without BOM) or GBK/GB18030.

退出码 Exit codes: 0 成功 ok, 2 用法错误 usage, 3 输入错误 input error
`;
