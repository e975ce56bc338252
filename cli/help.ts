export const HELP = `kaoping 考评 — 干部年度考核（德能勤绩廉）计分工具
kaoping — annual cadre assessment scorer (morality, ability, diligence, achievement, integrity)

用法 Usage:
  kaoping score <工作簿.xlsx> [选项]
  kaoping score --cadres <干部名单.csv> --ballots <测评票.csv> [选项]
  kaoping recommend <推荐.xlsx> [选项]   民主推荐计票（工作表「民主推荐」）或公推公选各轮（「公推公选」「第1轮」…）
  kaoping recommend --posts <岗位.csv> --ballots <推荐票.csv> --expected <n> --attendees <n>
  kaoping decide <票决.xlsx> | --votes <票数.csv> --members <n> --attendees <n>
                                      票决 decision vote (2/3 present, yes > half of all members)
  kaoping survey <评议工作簿.xlsx> [选项]   选人用人满意度 score a 一报告两评议 survey
  kaoping start                       启动本地服务 start the local API host
  kaoping slips --session <编号> --group <测评主体>:<张数> ... --out <测评条.pdf> [--api <地址>]
                                      发放测评码并打印测评条（令牌取自 KAOPING_TOKEN）
                                      issue codes and print the slips (token from KAOPING_TOKEN)

计分选项 Score options:
  --policy <方案.json>      考核方案文件 policy file (JSON)
  --policy-id <id>          内置方案 built-in policy: default（领导干部，优秀 ≤ 1/4）,
                            civil-servant（公务员，优秀 ≤ 1/5）；默认 default
  --out <结果.xlsx|.csv>    写出计分结果 write the scored workbook (.xlsx, with live formulas) or CSV;
                            CSV 的问题清单另写入 <结果>.issues.csv the issues of a CSV go to <out>.issues.csv;
                            不会覆盖输入文件 never an input file
  --force                   覆盖已存在的输出文件 overwrite an existing output file
  --no-votes                测评票不设等次栏：不执行得票规则 the form carries no grade votes: no vote rule runs
  --attendees <n> --expected <n>
                            会议实到/应到人数（方案计票基数为 attendees/expected 时）
                            meeting counts when the policy's vote base is attendees or expected
                            （干部名单的「实到」「应到」列优先 per-cadre columns take precedence）
  --issued <n> --returned <n>
                            测评票发出/收回张数 ballots issued and returned（干部名单「发出」「收回」列优先）
  --json                    在标准输出打印结果 JSON print the result JSON on stdout
  --progress / --no-progress
                            在标准错误输出显示/不显示进度条（默认：终端中运行超过 1 秒时显示）
                            show or hide the progress bar on stderr (default: in a terminal, after 1 s)

推荐与票决选项 recommend / decide options:
  --out <结果.xlsx>         写出现场公布表（每岗位一页 A4）及计票明细 write the announcements (one A4 page each)
  --force                   允许覆盖已存在的 --out 文件 replace an existing --out file (never an input)
  --title <名称> --date <日期>  会议名称与日期（CSV 输入时）meeting title and date (CSV input)
  -h, --help                显示本帮助 show this help
  -v, --version             显示版本 show the version (package.json)

评议选项 Survey options:
  --policy <评议方案.json>  评议方案 survey policy (JSON); 默认内置 default: the built-in
  --period <年度>           评议年度 the survey year, e.g. 2026
  --last-year <结果.json>   上年评议结果（--json 的输出）last year's result (--json output), for the change
  --out <结果.xlsx|.csv>    写出评议结果与各单位反馈报告 write the 评议结果 sheet and A4 feedback reports, or CSV
  --force                   允许替换已存在的 --out 文件 replace an existing --out file (never the input)
  评议工作簿需有工作表「评议项目」(Items) 和「评议票」(Answers，每人每项一行 one row per respondent per item)。

工作簿需有工作表「干部名单」(Cadres) 和「测评票」(Ballots)；表头可用中文、英文或两者，例如「德 Morality」。
The workbook needs sheets 干部名单 (Cadres) and 测评票 (Ballots); headers may be Chinese, English or both.
CSV 可为 UTF-8（可带 BOM）或 GBK/GB18030。 CSV may be UTF-8 (with or without BOM) or GBK/GB18030.

退出码 Exit codes: 0 成功 ok, 2 用法错误 usage, 3 输入错误 input error
`;
