# unioncal 的中文消息。参数写作 { $name }。
calendar-no-name = 日历没有 `name`（名称）
calendar-no-name-help = 在 `[calendar]` 下加一行 `name = "…工会"`
slug-invalid = slug `{ $text }` 只能由 a-z、0-9 和 - 组成
slug-invalid-help = 例如 `slug = "pku6-union"`
key-reserved = `{ $key }` 是 Windows 保留的设备名（con、nul、aux、com1…），不能用作文件名
key-too-long = 太长了：{ $length } 个字符，最多 { $max } 个（它要用作文件名）
text-too-long = 这段文字有 { $length } 个字，最多 { $max } 个
text-too-long-help = 请缩短；较长的说明可以放在一个网页上，在 `description` 里写它的网址
text-volume = { $from } 至 { $to } 的活动文字合计约 { $total } MB，超过上限 { $max } MB：活动 `{ $id }` 出现 { $count } 次，每次带 { $bytes } 字节的文字
text-volume-help = 缩短这项活动的说明（description），或用 `--from`/`--to` 缩短范围
sheet-too-many-rows = { $from } 至 { $to } 有 { $count } 项活动，一张电子表格最多 { $max } 行：请用 `--from`/`--to` 缩短范围（例如一次一年）
did-you-mean = 是不是想写 `{ $best }`？
timezone-help = 请用 IANA 时区名，例如 `Asia/Shanghai`
timezone-unknown = 未知的时区 `{ $name }`
language-unknown = 未知的语言 `{ $name }`
language-unknown-help = 写 `language = "zh"`（中文）或 `"en"`（英文）
domain-invalid = `{ $text }` 不是域名
domain-invalid-help = 例如 `uid_domain = "union.example.org"`
url-invalid = `{ $text }` 不是网址
url-invalid-help = 订阅地址必须以 `https://` 或 `http://` 开头
duration-range = 时长必须大于零且不超过 366 天
duration-range-help = 例如 `duration = "90m"` 或 `duration = "90分钟"`
reminder-help = 写 `reminder = "1d"`（或 `"提前1天"`），多个提醒写成列表如 `["1d", "1h"]`，不提醒写 `"none"`
reminder-too-far = 提醒 `{ $text }` 提前了一年以上
reminder-invalid = `{ $text }` 不是有效的提醒
reminder-list-texts = 提醒列表里应是文字，例如 `"1d"`
reminder-type = `reminder` 必须是文字或文字列表
shift-unknown-help = 请用 `none`、`skip`、`before`、`after`、`nearest` 之一
shift-unknown = 未知的顺延方式 `{ $name }`
category-key-invalid = 类别键 `{ $key }` 只能由 a-z、0-9 和 - 组成
category-key-invalid-help = 例如 `[categories.culture]`
color-invalid = `{ $text }` 不是 CSS 十六进制颜色
color-invalid-help = 写 `color = "#c0392b"`（或 `#c33`）
int-range = `{ $key }` 是 { $n }，超出了 { $min }–{ $max }
int-range-help = `{ $key }` 请取 { $min } 到 { $max } 之间的值
id-twice = 有两个活动的 id 都是 `{ $id }`
id-twice-help = 第一个在第 { $line } 行；id 不能重复，日历的 UID 由它生成
key-unknown-suggest = 未知的键 `{ $name }`，是不是想写 `{ $best }`？
key-unknown-suggest-help = 把 `{ $name }` 改成 `{ $best }`
key-unknown = 未知的键 `{ $name }`
key-unknown-help = 这里可以用的键有：{ $keys }
toml-type-help = 检查值的类型：文字要加引号，数字不加，列表写在 [ ] 里
toml-duplicate-help = 同一个表里每个键只能出现一次；另一个活动请另起一个 `[[events]]`
toml-other-help = 日历文件的写法见 README
slip-quote = 第 { $line } 行用了中文引号 { $typed }；字符串请用英文双引号 "…"
slip-equals = 第 { $line } 行用了全角的 { $typed }；键和值之间请用英文等号 =
slip-comma = 第 { $line } 行用了中文的 { $typed }；列表各项之间请用英文逗号 ,
slip-bracket = 第 { $line } 行用了全角括号 { $typed }；请用英文括号 { $instead }
slip-hash = 第 { $line } 行用了全角的 ＃；注释请用英文 #
slip-space = 第 { $line } 行有全角空格；请用英文空格，或删去它
slip-digit = 第 { $line } 行的数字 { $typed } 是全角的；请用英文数字 { $instead }
slip-other = 第 { $line } 行用了全角字符 { $typed }；请用英文 { $instead }
slip-help = 把 { $typed } 改成 { $instead }；或运行 `unioncal check --fix { $file }`，一次改正全部中文标点
type-string = 文字
type-integer = 整数
type-float = 小数
type-bool = true 或 false
type-list = 列表
type-table = 表
type-date = 日期
type-string-example = 文字要用英文双引号括起来，例如 `title = "三八节"`
type-integer-example = 数字不加引号，例如 `year = 2027`
type-bool-example = 写 true 或 false，不加引号，例如 `workdays_only = true`
type-list-example = 列表写在英文方括号里，例如 `weekdays = ["周一", "周三"]`；只有一项也要加方括号
slip-space-help = 删去这个全角空格，或换成英文空格；或运行 `unioncal check --fix { $file }`，一次改正全部中文标点
type-other = 别的值
toml-wrong-type = 这里要写{ $expected }，写的却是{ $found }
toml-too-large = 这个数太大了
toml-too-large-help = 请写一个合理的数，例如 `days = 3`
toml-missing-key = 缺少必填的 `{ $name }`
toml-missing-key-help = 加上一行 `{ $name } = …`
toml-string-unclosed = 文字没有结束：缺少右边的英文双引号 "
toml-string-unclosed-help = 在这段文字的末尾补上 "，例如 `title = "三八节"`；文字里要用引号时写中文引号 “ ”
toml-control = 这一行有看不见的控制字符
toml-control-help = 删去它（可以把这一行删掉重新输入）
toml-multiline-unclosed = 多行文字没有结束：缺少结尾的 """
toml-multiline-unclosed-help = 在文字结束的下一行写上 """
toml-escape = 反斜杠 \ 后面的写法不对
toml-escape-help = 要写反斜杠本身请写两个 \\，或把整段文字改用英文单引号 '…'
toml-no-equals = 这一行缺少等号 =
toml-no-equals-help = 写成 `键 = 值`，例如 `title = "三八节"`
toml-extra-equals = 这一行多了一个等号 =
toml-extra-equals-help = 每行只写一个 `键 = 值`；列表里的各项用英文逗号分开
toml-table-unclosed = 表头缺少右方括号 ]
toml-array-table-unclosed = 表头缺少右边的 ]]
toml-table-help = 表头写成 `[calendar]`，每个活动以 `[[events]]` 开头（都用英文方括号）
toml-array-unclosed = 列表缺少右方括号 ]
toml-missing-comma = 列表的两项之间缺少英文逗号 ,
toml-extra-comma = 列表里多了一个逗号
toml-list-help = 列表写成 `["周一", "周三", "周五"]`：英文方括号，各项之间一个英文逗号
toml-inline-table = 花括号 { "{" } … { "}" } 里的写法不对
toml-inline-table-help = 写成 `{ "{" } 状态 = "退休" { "}" }`：每项 `键 = 值`，各项之间用英文逗号
toml-bad-key = 键名只能用英文字母、数字、- 和 _
toml-bad-key-help = 键名要照说明写（如 `title`、`date`），中文的键名要加英文双引号（如 `"状态" = "退休"`）
toml-no-key = 等号前面缺少键名
toml-no-key-help = 写成 `键 = 值`，例如 `name = "城东小学工会"`
toml-trailing = 这一行在值的后面还有多余的内容
toml-trailing-help = 每行只写一个 `键 = 值`；要写说明请另起一行，以 # 开头
toml-duplicate = 同一个键写了两次
toml-value = 这里的值写法不对
toml-value-help = 文字要用英文双引号括起来（如 `name = "城东小学工会"`），数字不加引号（如 `year = 2027`）
offset-too-far = 偏移量最多十年
offset-too-far-help = 请改动锚点本身
until-before-start = `until`（{ $until }）早于 `start`（{ $start }）
until-before-start-help = `until` 是时间段的最后一天，应在 `start` 当天或之后
interval-needs-start = `interval` 需要 `start`：隔几天、几周或几个月从那天算起
interval-needs-start-help = 加上 `start = "YYYY-MM-DD"`（例如学期第一个星期四）
and = 、
anchors-several = 活动 `{ $id }` 有不止一个锚点：{ $names }
anchors-several-help = 一个活动只能有一个锚点；请拆成两个 `[[events]]`
holiday-unknown = `{ $name }` 不是法定节假日
holiday-unknown-help = 请用 { $names } 之一；其他日子用 `date` 或 `lunar`
month-and-months = `month` 和 `months` 只能写一个
month-and-months-help = `months = [3, 9]` 可以写多个月
anchor-none = 活动 `{ $id }` 没有锚点：没有说明在哪一天
anchor-none-help = 写上 `date`、`lunar`、`term`、`holiday`、`repeat`、`rrule` 之一，本月工作写 `month`
key-does-not-apply = `{ $key }` 不适用于这个活动
misplaced-weekdays = `weekdays` 要和 `repeat = "weekly"` 一起用
misplaced-day = `day` 要和 `repeat = "monthly"` 一起用；每年固定的日子用 `date = "MM-DD"`
misplaced-weekday = `weekday` 和 `nth` 要和 `repeat = "monthly"` 一起用；每周几天用 `repeat = "weekly"` 和 `weekdays`
misplaced-nth = `weekday` 和 `nth` 要和 `repeat = "monthly"` 一起用
misplaced-interval-rrule = 间隔写在规则里：`INTERVAL=2`
misplaced-interval = 每年的活动隔几年一次，请用 `every_years`
misplaced-month = 单独的 `month` 表示本月工作；只保留某些月份请用 `months = [...]`
edition-incomplete = `edition` 需要 `number` 和 `year`
edition-incomplete-help = 写 `edition = {"{"} number = 43, year = 2023 {"}"}`：第 43 届在 2023 年
edition-missing = 标题用了 `{ $placeholder }`，但活动没有 `edition`
edition-missing-help = 加上 `edition = {"{"} number = 43, year = 2023 {"}"}`（已知某一年的届数）
every-years-needs-since = `every_years` 需要 `since`（举办过的某一年）或 `edition`
every-years-needs-since-help = 加上例如 `since = 2022`
since-alone = `since` 要和 `every_years` 一起用
since-alone-help = 加上 `every_years = N`，或去掉 `since`
id-invalid = 活动 id `{ $id }` 只能由 a-z、0-9 和 - 组成
id-invalid-help = 例如 `id = "womens-day"`；id 是每个 UID 的一部分，定下后不要再改
id-missing = 有个活动没有 `id`
id-missing-help = 加上 `id = "…"`（a-z、0-9、-）：订阅者手机上的活动靠它保持一致
title-missing = 活动 `{ $id }` 没有 `title`（标题）
title-missing-help = 加上 `title = "…"`
category-unknown-help = 先声明：`[categories.{ $key }]`，并写上 `label`
category-unknown = 未知的类别 `{ $key }`
term-unknown-help = 请用节气的中文名（立春 … 大寒），或 初伏、中伏、末伏
term-unknown = `{ $name }` 不是节气
weekly-needs-weekdays = 每周的活动需要 `weekdays`
weekly-needs-weekdays-help = 加上例如 `weekdays = ["周一", "周三", "周五"]`
weekdays-empty = `weekdays` 是空的
weekdays-empty-help = 至少写一天，例如 `["周一"]`
day-zero = `day` 不能是 0
day-zero-help = 1 是第一天，-1 是最后一天
nth-zero = `nth` 不能是 0
nth-zero-help = 1 是本月第一个，-1 是本月最后一个
weekday-needs-nth = `weekday` 需要 `nth`
weekday-needs-nth-help = 第一个写 `nth = 1`，最后一个写 `-1`
nth-needs-weekday = `nth` 需要 `weekday`
nth-needs-weekday-help = 加上例如 `weekday = "周三"`
day-and-weekday = `day` 和 `weekday` + `nth` 只能写一种
day-and-weekday-help = `day = 15` 是每月 15 日；`weekday = "周三"`、`nth = 1` 是每月第一个星期三
monthly-needs-day = 每月的活动需要 `day`，或 `weekday` 和 `nth`
monthly-needs-day-help = 加上 `day = 15`，或 `weekday = "周三"` 和 `nth = 1`
repeat-yearly-help = 每年一次请用 `date = "MM-DD"`（或 `"3月8日"`）
repeat-unknown-help = 请用 `daily`、`weekly` 或 `monthly`，或写 `rrule`
repeat-unknown = 未知的重复方式 `{ $name }`
rrule-only = 只写 RRULE 部分
rrule-only-help = 第一天写在 `start = "YYYY-MM-DD"` 里
rrule-invalid-help = 例如 `rrule = "FREQ=MONTHLY;BYDAY=-1FR"`（RFC 5545）
into-holidays-not-table = `{ $file }` 里的 `holidays` 不是一个表
into-holidays-not-table-help = 假期设置请写成 `[holidays]` 表
into-periods-not-list = `{ $file }` 里的 `holidays.periods` 不是一组表
into-periods-not-list-help = 每个假期写成一个 `[[holidays.periods]]` 表
rrule-bad-frequency = rrule 的 `FREQ={ $value }` 不是有效的频率：请写 DAILY、WEEKLY、MONTHLY 或 YEARLY
rrule-bad-weekday = rrule 里的 `{ $value }` 不是星期的写法：星期写作 MO、TU、WE、TH、FR、SA、SU（如 BYDAY=MO,WE,FR，每月最后一个周五写 -1FR）
rrule-bad-part = rrule 的 `{ $part }={ $value }` 取值不对
rrule-missing-part = rrule 缺少 `{ $part }`（如 FREQ=WEEKLY）
rrule-twice = rrule 里 `{ $part }` 写了两次
rrule-unknown-part = rrule 里有不认识的部分 `{ $part }`
rrule-invalid-other = rrule 写法有误
rrule-impossible = 这条 rrule 的取值组合不成立（例如 BYSETPOS 要和另一个 BY… 一起用，或数字超出范围）
months-help = 写 `months = [3, 9]` 或 `months = "3-6,9-12"`
month-out-of-range = 月份 { $month } 不在 1 到 12 之间
months-numbers = `months` 里应是月份数字
months-empty = `months` 至少要有一个月
needs-time = `{ $key }` 需要 `time`
needs-time-help = 加上 `time = "HH:MM"`；全天活动请去掉它
end-and-duration = `end` 和 `duration` 只能写一个
end-and-duration-help = `end = "17:00"` 或 `duration = "2小时"`
end-before-time = `end`（{ $end }）早于 `time`（{ $start }）
end-before-time-help = 跨过午夜的活动请用 `duration`，例如 `duration = "3小时"`
change-needs-date = 变更需要 `date`：要改的那一次活动的日期
change-needs-date-help = 加上 `date = "YYYY-MM-DD"`
change-month-task = 本月工作的变更要写月份
change-month-task-help = 写 `date = "YYYY-MM"`，例如 `"2027-09"`（或 `"2027年9月"`）
change-move-or-cancel = 一项变更要么改期，要么取消
change-move-or-cancel-help = 去掉 `move_to` 或 `cancel`
change-month-task-move = 本月工作没有具体日期，不能改期
change-month-task-move-help = 取消它，另加一个带 `date` 的活动
change-end-before-time = `end` 早于 `time`
change-end-before-time-help = 结束时间应在开始之后
date-help = 日期写作 `YYYY-MM-DD` 或 `YYYY年M月D日`，例如 `2027-03-08` 或 `2027年3月8日`
date-no-year = `{ $text }` 没有写年份
date-not-a-day = { $text } 这一天不存在
date-invalid = `{ $text }` 不是日期
month-day-help = 每年的某一天写作 `MM-DD` 或 `M月D日`，例如 `03-08` 或 `3月8日`
month-day-invalid = `{ $text }` 不是“月-日”
month-day-not-a-day = 一年里没有 { $text } 这一天
date-spec-help = 某一天写 `YYYY-MM-DD`（或 `2027年3月8日`），每年的同一天写 `MM-DD`（或 `3月8日`）
time-help = 时间按 24 小时制写作 `HH:MM`，例如 `14:30`
time-invalid = `{ $text }` 不是时间
time-not-a-time = 一天里没有 { $text } 这个时刻
length-help = 时长写作 `90分钟`、`2小时`、`1小时30分钟`、`半小时`、`1天`（或 `90m`、`2h`、`1h30m`、`1d`）
length-invalid = `{ $text }` 不是时长
length-unit = `{ $text }` 里的 `{ $unit }` 不是时间单位
offset-help = 偏移量写作 `-3d`（天）、`+1w`（周）或 `-2wd`（工作日）
offset-invalid = `{ $text }` 不是偏移量
weekday-invalid = `{ $text }` 不是星期几
weekday-help = 写 `周一` … `周日`（或 `星期一`、`礼拜一`，或 `mon` … `sun`）
lunar-help = 农历日期写作 `八月十五`、`正月初一`、`腊月廿三`、`除夕`，或 `MM-DD`（`"08-15"`）
lunar-out-of-range = `{ $text }` 不是农历日期：月份为 1–12，日为 1–30
lunar-invalid = `{ $text }` 不是农历“月-日”
months-text-help = 月份写作 1–12 的数字或从小到大的区间，例如 `"3-6,9-12"`
months-text-invalid = `{ $item }` 不是月份或月份区间
months-backwards = 区间 `{ $item }` 写反了
months-backwards-help = 区间要从小到大：写 `"9-12,1-3"`，不要写 `"9-3"`
range-backwards = 区间 `{ $text }` 的结束早于开始
range-backwards-help = 先写较早的一天：`2027-07-10..2027-08-31`
range-too-long = 区间 `{ $text }` 超过了十年
range-too-long-help = 请按年分别写放假日期
region-unknown = 未知的节假日地区 `{ $name }`
region-unknown-help = 写 `region = "cn"`（中国大陆）或 `"none"`（只休周末）
holidays-file-unreadable = 读不了假期文件 `{ $path }`：{ $error }
holidays-file-unreadable-help = 路径相对于日历文件；可以用 `unioncal holidays import 通知.txt --into 文件` 生成
period-incomplete = 假期需要 `name`、`start` 和 `end`
period-incomplete-help = 例如 `name = "国庆节"`、`start = "2028-10-01"`、`end = "2028-10-07"`
period-backwards = 假期的结束早于开始
period-backwards-help = `end` 是最后一天假，应在 `start` 当天或之后
period-too-long = 一段假期最长一年
period-too-long-help = 长假请用 `extra_off`
plan-section-no-title = 计划的一节需要 `title`（标题）
plan-section-no-title-help = 例如 `title = "指导思想"` 和 `body = "…"`
plan-layout-unknown = 未知的计划版式 `{ $name }`
plan-layout-unknown-help = 写 `layout = "list"`（按月列条目）或 `"table"`（表格）
plan-merge-overlap = 月份 `{ $text }` 与另一组合并的月份重叠
plan-merge-overlap-help = 每个月只能并入一组
plan-merge-invalid = `{ $text }` 不是月份区间
plan-merge-invalid-help = 写起止月份，例如 `merge = ["7-8"]` 表示七、八月份
file-too-big = `{ $name }` 有 { $size } 字节，超过了日历文件的上限（16 MiB）
file-too-big-bytes = `{ $name }` 超过了日历文件的上限（16 MiB）
not-utf8 = 文件不是 UTF-8 编码的文本
not-utf8-help = 请另存为 UTF-8（记事本：另存为 → 编码 → UTF-8；GBK/GB2312 编码不行）
file-too-big-help = 日历文件写的是规则，不是一次次的活动：重复的活动请用 `repeat` 或 `rrule`
toml-syntax = 文件写法有误
no-calendar-table = 文件里没有 `[calendar]` 表
no-calendar-table-help = 文件开头写 `[calendar]`，下一行写 `name = "…工会"`
provisional-year = { $year } 年放假安排尚未公布：假日和调休为预测，以国务院通知为准
provisional-year-help = { $year } 年国务院通知发布后，用 `unioncal holidays import 通知.txt --save` 导入（或写成 `[[holidays.periods]]`），再重新生成
periods-missing-festivals = { $year } 年的 `[[holidays.periods]]` 没有写 { $names }：这些节日用预测的安排
periods-missing-festivals-help = 把当年通知里的每个节日都写上
on-guessed-day = 活动 `{ $id }` 在 { $days }：这一天的放假或调休是预测的，通知可能改变它
on-guessed-day-help = 国务院通知发布后导入（`unioncal holidays import 通知.txt --save`）再检查一次；或改到不受调休影响的日子
and-more = 等，另有 { $count } 天
on-days-off = `{ $id }` 有 { $count } 次落在休息日：{ $days }
on-days-off-help = 设置 `shift = "before"`（提前）、`"after"`（顺延）、`"nearest"`（就近）或 `"skip"`（跳过）；`shift = "none"` 保留原日期并不再提示
fifth-weekday = 第五个{ $weekday }
fifth-last-weekday = 倒数第五个{ $weekday }
day-n = { $day } 日
missing-days = `{ $id }` 在 { $months } 没有活动：这几个月没有{ $what }
missing-days-help = 用 `nth = -1`（最后一个）或 `day = -1`（最后一天），每个月都有
overlap = `{ $a }` 和 `{ $b }` 在 { $date } 同时用 { $place }
overlap-help = 调开其中一个，或换个 `location`
overlap-more = 同一地点还有 { $count } 处时间冲突
range-ends-first = 时间范围的结束（{ $to }）早于开始（{ $from }）
year-unsupported = { $year } 年超出了 unioncal 支持的年份（{ $min }–{ $max }）
cn-too-early = 法定节假日（region "cn"）从 { $first } 年起支持；{ $year } 年请在 `[holidays]` 下写 `region = "none"`
too-many = 从 { $from } 到 { $to } 的活动超过了 { $max } 次；请缩短时间范围
change-unmatched = `{ $id }` 在 { $day } 的变更没有对应的活动
change-unmatched-help = `date` 写那一次活动原定、安排或最终的日期；`unioncal list` 可以查看
change-month-unmatched = `{ $id }` 的变更对不上这项本月工作的任何月份
change-month-unmatched-help = 本月工作的变更要写其中一个月份，如 `YYYY-MM`
check-summary = { $file }：{ $events } 条规则，{ $year } 年共 { $occurrences } 次活动，{ $warnings } 条提醒
fix-missing = 找不到这个文件
fix-too-big = 文件太大（{ $size } 字节），不像日历文件，没有修改
fix-binary = 这不是文本文件（里面有二进制内容），没有修改
fix-undecodable = 读不出文字：既不是 UTF-8 也不是 GBK 编码，没有修改；请在记事本里“另存为”，编码选 UTF-8
fix-read-only = 文件是只读的，没有修改；请先去掉只读（右键 → 属性 → 取消“只读”）
fix-folder-read-only = 文件夹 { $folder } 不能写入，没有修改
fix-nothing = { $file } 里没有需要修复的中文标点
fix-changed = 第 { $line } 行：{ $before } → { $after }
fix-gbk = 文件原来是 GBK 编码，已改存为 UTF-8
fix-summary = 已修复 { $count } 处，写回 { $file }；原文件保存为 { $backup }
build-sharing = { $file }：正在用 { $browser } 生成图片和 PDF
build-summary = { $file }：{ $occurrences } 次活动，已写入 { $files } 个文件到 { $out }
build-up-to-date = { $file }：{ $occurrences } 次活动，没有变化：{ $out } 中的 { $files } 个文件已是最新
slug-clash = `{ $first }` 和 `{ $second }` 的 slug 都是 `{ $slug }`；请给其中一个换个 `slug`
build-failed-count = { $total } 个日历中有 { $failed } 个生成失败
no-calendar-file-help = 请给出已有的日历文件，或用 `unioncal init` 新建一个
io-cannot-read = 读不了 `{ $path }`：{ $error }
io-cannot-fix = 不能修复 `{ $path }`：{ $error }
io-cannot-write = 写不了 `{ $path }`：{ $error }
not-a-regular-file = 这不是普通文件（是文件夹、管道或设备），不能写入
io-cannot-create = 建不了 `{ $path }`：{ $error }
io-cannot-listen = 无法监听 `{ $path }`：{ $error }
browser-help = 请安装 Microsoft Edge、Google Chrome 或 Chromium，或用 `--browser 路径`（或 UNIONCAL_BROWSER）指定
notice-no-year = 看不出这份通知安排的是哪一年
notice-no-year-help = 连同标题一起粘贴（国务院办公厅关于20XX年部分节假日安排的通知），或加上 `--year`
notice-item-no-days-unnamed = 这一项里没找到放假日期
notice-item-no-days = { $name }里没找到放假日期
notice-item-no-days-help = 按通知原文写日期，例如 `1月1日至3日放假调休，共3天。`（日期要有“月”和“日”）
notice-nothing = 这段文字里没找到放假安排
notice-nothing-help = 请粘贴通知里的各项，例如 `一、元旦：1月1日（周五）至3日（周日）放假，共3天。`
notice-nothing-to-extend = { $year } 年没有可以延长的{ $name }假期
notice-nothing-to-extend-help = 先导入当年的通知（`unioncal holidays import 通知.txt --save`），再导入这一份
notice-not-a-date = `{ $text }` 不是日期
notice-check-date-help = 请对照通知原文核对月和日
notice-weekday-mismatch = { $date } 是{ $weekday }，但通知里写的是 `{ $written }`
notice-weekday-mismatch-help = 日期或星期有一个抄错了：请对照通知原文
notice-span-backwards = `{ $text }` 的结束早于开始
notice-span-backwards-help = 先写第一天，再写“至”，再写最后一天
notice-workday-weekday = { $date } 是{ $weekday }：调休上班日总是星期六或星期日
notice-check-one-date-help = 请对照通知原文核对日期
notice-count-mismatch = 通知写的是 { $stated } 天，但 `{ $written }` 是 { $counted } 天
notice-count-mismatch-help = 日期或天数有一个抄错了：请对照通知原文
notice-festival-day-missing = { $name }假期（{ $first } 至 { $last }）不包含{ $festival }当天（{ $day }）
notice-festival-day-missing-help = 请对照通知原文核对日期（月或日可能抄错了）
notice-item-unnamed = 这一项没写是哪个节日
notice-item-unnamed-help = 每一项以节日名和冒号开头，例如 `一、元旦：1月1日放假，共1天。` 或 `1、元旦：…`
notice-work-inside-break = 上班日 { $date } 落在{ $name }假期（{ $first } 至 { $last }）之内
notice-festival-twice = { $festival }在通知里出现了两次
notice-festival-twice-help = 每个节日只写一项：删去重复的一项，或对照通知原文核对节日名
notice-festivals-missing = 通知开头列出了{ $named }，但没有读到{ $missing }的安排
notice-festivals-missing-help = 请检查这几项是否完整粘贴、是否各占一行并以编号和节日名开头（如 `三、清明节：…`）
notice-year-range = 通知写的是 { $year } 年：只能导入 { $first }—{ $last } 年的安排
notice-year-range-help = 请对照通知原文核对标题里的年份，或用 `--year` 指定
cli-help = 显示帮助
cli-version = 显示版本号
cli-about = 把一个 TOML 文件变成工会一整年的活动：可订阅的日历、可打印的月历和工作计划
cli-arg-quiet = 只显示错误
cli-arg-verbose = 显示更多过程信息
cli-arg-lang = 消息的语言：`zh` 或 `en`（默认看 UNIONCAL_LANG，再看系统语言）
cli-arg-year = 年份（默认用文件里的 `year`，否则今年）
cli-arg-from = 时间范围的第一天，YYYY-MM-DD（与 --to 一起用）
cli-arg-to = 时间范围的最后一天，YYYY-MM-DD（与 --from 一起用）
cli-arg-file = 日历文件
cli-arg-templates = 模板文件夹：同名文件替换内置模板（serve 会监视它）
cli-arg-png = 同时生成分享图片：share/YYYY-MM.png（发微信群的长图）、share/YYYY-MM-a4.png（150 dpi 月历）和 share/YYYY.png；需要 Edge、Chrome 或 Chromium
cli-arg-pdf = 同时生成 print.pdf：每月一页 A4 横向；需要 Edge、Chrome 或 Chromium
cli-arg-browser = --png 和 --pdf 用的浏览器（默认 UNIONCAL_BROWSER，否则自动查找 Edge、Chrome 或 Chromium）
cli-about-build = 生成全部输出：.ics 日历、可打印的网页、工作计划（Word、Excel）
cli-build-files = 日历文件；给多个时，每个生成到 DIR/{slug}/ 下
cli-build-out = 输出文件夹（不存在会自动创建）
cli-about-list = 列出一年（或一段时间）的活动：表格、JSON 或 CSV
cli-list-month = 只看这一年的某个月（1–12）
cli-list-format = 输出格式：`table`（表格，给人看）、`json`（脚本依赖的稳定格式）、`csv`（电子表格，UTF-8 带 BOM）
cli-list-private = 在 JSON 里加上会员名册的关怀工作（`care`：姓名、生日等个人信息，只给本人用）
cli-about-check = 检查日历文件：有错误退出码为 1，只有提醒为 0
cli-check-year = 要检查的年份（默认用文件里的 `year`，否则今年）
cli-check-fix = 自动改正输入法带进来的中文标点（“ ” ＝ ， 【】 ＃、全角空格和数字，字符串和注释里的不动），原文件另存为 FILE.bak，然后检查
cli-about-init = 新建一个日历文件（带中英文说明，或用自带的示例）
cli-init-path = 日历文件写到哪里
cli-init-template = 用哪个模板：`starter`（每个键都有说明）或自带示例
cli-init-force = 覆盖已有文件
cli-init-list = 列出可用模板
cli-about-schema = 输出日历文件的 JSON Schema，供编辑器提示和检查
cli-about-completions = 输出命令行自动补全脚本
cli-completions-shell = 哪种 shell：bash、zsh、fish、powershell、elvish
cli-about-serve = 在本机提供网页和订阅：编辑时自动刷新预览，也可作为内网订阅服务器
cli-serve-port = 监听端口（0 表示任选空闲端口）
cli-serve-bind = 监听地址；0.0.0.0（或本机地址）让局域网里的手机也能访问
cli-serve-open = 在默认浏览器中打开首页
cli-about-holidays = 查看某年的放假和调休上班日（官方或暂定），以及来源；`holidays import` 导入国务院通知
cli-holidays-file = 日历文件，按其 `[holidays]` 显示（默认当前文件夹的 unioncal.toml）
cli-holidays-format = 输出格式：`text`（给人看：每段假期、把握程度和另一种可能）或 `json`（给脚本：year、source、periods）
cli-holidays-forecast = 即使这一年的安排已公布，也显示预测（通知发布前 unioncal 会怎么说），便于和通知对比
cli-about-holidays-import = 读入国务院办公厅放假通知，输出当年的 `[[holidays.periods]]`；`--save` 让本机所有日历都使用，`--into` 写进日历或共享假期文件
cli-holidays-import-notice = 通知的文本文件（UTF-8），或用 `-` 直接粘贴
cli-holidays-import-save = 保存到本机的数据文件夹：所有日历都使用它
cli-holidays-import-into = 把假期写进这个 TOML 文件（日历或共享假期文件），替换当年的、保留其他内容
cli-holidays-import-year = 年份（粘贴的文字没有标题时使用）
cn-too-early-help = 法定节假日数据从 2000 年开始；更早的年份需要 `region = "none"`
serve-built = 已生成 { $count } 个文件，用时 { $ms } 毫秒
serve-last-good = 仍在提供上一次正确生成的内容
serve-overlay-title = 日历文件有错误，下面是错误所在的行；预览仍显示上次正确的版本
serve-cannot-watch = 无法监视文件：{ $error }
serve-cannot-start = 无法启动服务：{ $error }
serve-cannot-wait = 无法等待 Ctrl-C：{ $error }
serve-stopped = 已停止
serve-serving = 正在提供 { $url }  （按 Ctrl-C 停止）
serve-loopback = 只有本机能打开；加 `--bind 0.0.0.0` 可供局域网访问
serve-network-url = 局域网地址：{ $url }  （发给会员：{ $url }subscribe.html）
serve-network-warning = 注意：服务可从网络访问；能连到这台电脑的人都能看到日历
serve-cannot-open = 打不开浏览器（{ $error }）；请自己打开 { $url }
init-no-template = 没有模板 `{ $name }`；可用的模板有 { $names }
init-exists = `{ $path }` 已经存在；要覆盖请加 --force
init-wrote = 已写入 { $path }（{ $template }）；下一步：修改它，然后运行 `unioncal check { $path }` 和 `unioncal build { $path }`
holidays-years = 法定节假日数据范围是 { $first } 到 { $last } 年
no-data-folder = 这台电脑没有用户数据文件夹；请设置 UNIONCAL_DATA_DIR
import-saved = 已把 { $year } 年放假安排保存到 { $path }：这台电脑上的所有日历都会使用它
import-into = 已把 { $year } 年的假期写进 { $path }
month-missing = { $year } 年没有 { $month } 月
browser-missing = 浏览器 `{ $path }` 不存在
browser-none = 没有找到 Edge、Chrome 或 Chromium
browser-failed = 浏览器 `{ $path }` 出错：{ $why }
browser-wrote-nothing = 浏览器 `{ $path }` 没有生成 { $file }
saved-differs = 这台电脑上保存的 { $year } 年放假安排与 unioncal 内置的不同
saved-differs-help = 现在使用的是保存的那份（{ $file }）；如果内置的更新，请删除保存的文件，或重新导入最新通知

# 网页上的字（按日历的 language），模板中写 {{ t(id="…", lang=lang) }}。
page-provisional-month = * 放假安排尚未公布，标“休*”“班*”的为预测的放假和调休日期（暂定，以国务院通知为准）。
page-tasks = 本月工作
page-organizer = 负责：
page-audience = 参加：
page-nothing = 本月无安排
page-place = 地点：
page-agenda-foot = 点一项活动即可加入手机日历。「休」放假　「班」调休上班
page-nav-subscribe = 订阅与导入
page-nav-print = 打印全年
page-year-subtitle = 年度工会活动安排
page-events-count = 项
page-subscribe-head = 手机订阅日历
page-subscribe-how = 扫描二维码，或在手机日历中“添加订阅日历”，填入：
page-provisional-years = * { $years } 年放假安排尚未公布，放假和调休为预测（暂定，以国务院通知为准）。
page-subscribe-link = 在各种手机上订阅或导入（iPhone、安卓、Outlook……）
page-print-link = 打印全年（每月一页 A4 横向）
page-nav-year = 全年
share-provisional = * 放假安排尚未公布，“休*”“班*”为预测日期，以国务院通知为准。
share-scan =
    扫码订阅工会日历
    苹果手机、Outlook 可自动更新
    其他手机见“订阅与导入”页
page-key = 「休」放假　「班」调休上班
sheet-subtitle = 工会活动月历
sheet-events = 本月活动安排
subscribe-title = 订阅与导入
subscribe-heading = 订阅与导入：把工会活动放进手机日历
subscribe-feed-qr = 订阅地址（日历）
subscribe-page-qr = 本页（网页）
subscribe-feed-address = 订阅地址：
subscribe-no-url = 本日历尚未设置公开地址（calendar.url），只能导入文件。
subscribe-feed-subscribe = 订阅
subscribe-feed-download = 下载文件
subscribe-months = 各月
howto-iphone-head = iPhone / iPad
howto-iphone = 点上面的“订阅”链接，按提示“订阅”即可。或：设置 → 日历 → 账户 → 添加账户 → 其他 → 添加已订阅的日历，粘贴订阅地址。
howto-mac-head = Mac
howto-mac = 打开“日历”App → 文件 → 新建日历订阅，粘贴订阅地址；自动刷新选“每天”。
howto-outlook-head = Outlook
howto-outlook = 电脑版：日历 → 添加日历 → 从 Internet，粘贴订阅地址。网页版（Outlook.com）：日历 → 添加日历 → 从 Web 订阅。
howto-xiaomi-head = 小米 / 澎湃OS（HyperOS）
howto-xiaomi = 系统日历不能订阅网址，但可以导入文件：下载上面的 .ics 文件（或在月历页点某项活动），用“日历”打开并导入。活动有变动时需要重新导入。
howto-huawei-head = 华为 / 鸿蒙（HarmonyOS）及其他安卓手机
howto-huawei = 同样下载 .ics 文件，用系统“日历”打开导入。想自动更新（订阅），需要安装支持订阅的应用，如 ICSx⁵，在其中添加订阅地址。
howto-wecom-head = 企业微信、钉钉、飞书
howto-wecom = 它们不能订阅外部日历。请用手机自带的日历（见上），或查看群里发的月历图片和 PDF。
howto-google-head = Google 日历（中国大陆以外）
howto-google = 网页版：其他日历 → “+” → 通过网址添加，粘贴订阅地址。
howto-note-head = 请注意
howto-note = 订阅的日历由手机按自己的时间表刷新（通常每天一次），改动不会马上出现；有的手机不保留订阅日历的提醒，重要活动请以通知为准。

# 订阅、列表、表格和文档中的字，按日历的 language。
plan-numbered = { $numeral }、{ $title }
plan-activities = 具体活动安排
date-month-day = { $month }月{ $day }日
date-same-month = { $day }日
date-with-weekday = { $date }（{ $weekday }）
date-span = { $from }—{ $to }
list-separator = 、
dates-count = （共{ $count }次）
date-year-month = { $year }年{ $month }月
day-off = 休
day-work = 班
day-provisional = 暂定
day-more = 另有 { $count } 项
moved-from = 原定{ $date }
month-lunar-subtitle = { $months }
agenda-continued = 续
agenda-all-day = 全天
feed-all = 全部活动
weekdays-short = 一 二 三 四 五 六 日
table-header = 日期|星期|时间|活动|地点|备注
table-shifted = 调（原定{ $date }）
table-moved = 改期（原定{ $date }）
table-provisional-holiday = *假期暂定
table-empty = （此期间没有活动）
table-provisional = * { $years } 年放假安排尚未公布，放假和调休为预测（暂定，以国务院通知为准）。
feed-task-summary = 【{ $month }月】{ $title }
feed-organizer = 负责人：{ $organizer }
feed-audience = 参加范围：{ $audience }
feed-moved = 原定{ $date }，改期
feed-shifted = 原定{ $date }，遇节假日调整
feed-task = 本月工作（{ $month }月内完成）
sheet-name = 活动安排
sheet-columns = 日期|星期|开始|结束|活动|地点|负责人|类别|参加范围
sheet-month-format = yyyy"年"m"月"
sheet-this-month = 本月
sheet-footer = &C第 &P 页，共 &N 页
status-official = 内置的国务院办公厅通知
status-saved = 本机已导入的通知
status-calendar = 日历文件中录入的假期
status-provisional = 预测（暂定，以国务院通知为准）
source-official = 官方：内置国务院办公厅通知
source-saved = 官方：已导入通知，{ $origin }
source-shared = 假期文件 { $origin }
source-calendar = 日历文件录入
source-provisional = 预测：按法律和放假原则推算
holidays-official = { $year } 年放假安排（国务院办公厅 { $year } 年通知，官方）
holidays-saved = { $year } 年放假安排（已导入的国务院办公厅通知，官方）
holidays-calendar = { $year } 年放假安排（日历文件 [[holidays.periods]] 录入；未录入的节日为预测）
holidays-provisional =
    { $year } 年放假安排尚未公布（内置官方数据：{ $first }–{ $last } 年）。
    以下为预测（暂定，以国务院通知为准）：按当年的《全国年节及纪念日放假办法》和历年通知遵循的放假原则推算，含调休上班日。法定假日确定；其余放假日较有把握；调休上班日和假期首尾是推测。
    通知发布后：unioncal holidays import 通知.txt --save
holidays-off = {"  "}放假：{ $days }（{ $count } 天）
holidays-certain = {"  "}法定假日（确定）：{ $days }
holidays-guess = {"  "}推测（可能变动）：{ $days }
holidays-alternative = {"  "}另一种可能：放假 { $off }（{ $count } 天），调休上班 { $work }
holidays-work = {"  "}调休上班：{ $days }
holidays-day = { $date }（{ $weekday }）
holidays-span = { $from } – { $to }
holidays-separator = 、
import-untitled = { $year } 年部分节假日安排（{ $name }）
import-on-top = 在此前已知的 { $year } 年安排（{ $status }）之上修改
import-day-off = 休息
import-day-work = 上班
import-changed-day = { $date }（{ $weekday }）：预测{ $was }，通知{ $now }
import-changed = 通知和预测不同的日子（{ $year } 年，{ $count } 天）：
import-as-forecast = { $year } 年的通知和预测完全一致
import-moved = { $file } 里因此改变日期的活动（{ $count } 项）：
import-nothing-moved = { $file } 里没有活动因此改变日期
import-moved-one = { $title }：{ $from } → { $to }
import-dropped-one = { $title }：{ $date } 取消（遇到放假）
import-added-one = { $title }：新增 { $date }
plan-month = { $multi ->
        [yes] { $year }年
       *[no] {""}
    }{ $months }月份
document-month = { $multi ->
        [yes] { $year }年
       *[no] {""}
    }{ $numerals }月份
plan-this-month = 本月：
plan-md-title = { $name } { $period }工作计划 · 具体活动安排
plan-md-provisional = 注：放假安排尚未公布的年份，放假和调休为预测（暂定），公布后以国务院通知为准。
plan-md-item = { $n }、{ $when }{ $time }{ $title }{ $place }{ $audience }
plan-md-time = { $time }{" "}
plan-md-place = （{ $place }）
plan-md-audience = ，参加范围：{ $audience }
time-span = { $from }—{ $to }
document-place = 地点：{ $place }
document-organizer = 负责人：{ $organizer }
document-audience = 参加范围：{ $audience }
document-item = { $n }、{ $when } { $title }
document-details-separator = ；
document-details = （{ $details }）
document-during = { $month }月内
document-title = { $name }{ $period }工作计划
document-columns = 时间|活动内容|参加范围|地点|负责人
date-long = { $year }年{ $month }月{ $day }日

# `init --list` 中每个模板的说明。
init-about-starter = 带注释的入门模板：每个键都有中英文说明
init-about-hospital = 医院工会：按月的工作计划，职代会、护士节、教师节
init-about-school = 学校工会：教代会、双周活动、送温暖/送清凉
init-about-small-school = 小学校：五必访、女职工活动、食堂检查
init-about-institute = 换届年的研究院：每五年换届、两次职代会
init-about-mine = 煤矿区队：周一、三、五安全学习，接待日
init-about-utility = 水务公司：劳动竞赛、每周班组学习、一日捐
# 帮助的标题（英文的由 clap 自己写）。
cli-heading-examples = 示例：
cli-heading-usage = 用法：
cli-heading-commands = 命令
cli-heading-arguments = 参数
cli-heading-options = 选项
time-this-month = 本月
period-year = { $year }年
csv-columns = 日期|星期|时间|活动|地点|负责人|类别|参加范围
weekdays = 周一 周二 周三 周四 周五 周六 周日
sheet-audience = 参加：
sheet-note = （{ $note }）
subscribe-feed-label = { $label }：
title-separator = ；
browser-timeout = 超过 { $seconds } 秒仍未完成
overlap-over-a-million = 超过一百万
cannot-write-document = 无法写出 { $file }：{ $error }
template-failed = 模板 `{ $name }` 出错：{ $message }
template-failed-help = 改正这个模板，或把它从模板文件夹中删去，改用内置模板
build-file = {"  "}{ $name }（{ $bytes } 字节）
browser-looked-in = ；查找过：
care-no-roster = `[care]` 缺少 `roster`
care-no-roster-help = 写上会员名册的文件名，例如 `roster = "会员名册.xlsx"`（相对于日历文件）
care-visit-no-who = 这次走访没有写 `who`
care-visit-no-who-help = 写上走访谁，例如 `who = { "{" } "状态" = "退休" { "}" }`；多个值写成列表 `who = { "{" } "状态" = ["退休", "离休"] { "}" }`
care-who-value = `who` 里 `{ $column }` 的值要写成文字或文字列表
care-who-outside = `who` 只能写在 `[[care.visits]]` 里
care-who-outside-help = 走访慰问写成 `[[care.visits]]`，它同时也是一个公开的活动
care-party-unknown = 没有 id 为 `{ $id }` 的活动
care-party-unknown-help = `party` 写生日会那个活动的 id
care-who-column = 名册 { $roster } 里没有“{ $column }”这一列
care-who-column-help = 名册的列有：{ $columns }
roster-locked = 文件正被 Excel 或 WPS 打开：请先关闭它再试
roster-not-a-spreadsheet = 不是电子表格，或设了打开密码：请用 Excel/WPS 另存为 .xlsx（不设密码）或 .csv
roster-no-sheet = 没有名为“{ $sheet }”的工作表（有：{ $sheets }）
roster-encoding = 既不是 UTF-8 也不是 GBK 编码：请用 Excel/WPS 另存为 .xlsx 或 CSV
roster-empty = 名册是空的
roster-no-name-column = 名册里找不到“姓名”这一列：表头那一行要有“姓名”（表头上面可以有标题行）
roster-cell = { $header }：{ $value } { $what }
roster-no-name = 姓名是空的
roster-duplicate-key = 与第 { $row } 行重复
roster-bad-gender = 不是“男”或“女”
roster-bad-date = 不是日期
roster-id-check-digit = 校验位不对（可能抄错了一位）
roster-id-shape = 不是 18 位身份证号
roster-bad-lunar = 不是农历日期（如 八月十五、闰四月初八、腊月三十）
roster-no-retirement-age = 这位会员没有写原退休年龄或身份（干部/工人），算不出退休时间
roster-warning = { $file } { $cell } { $message }
roster-warning-help = 这一行没有算进关怀名单：改正名册后重新生成
roster-warning-retirement-help = 在“原退休年龄”（50/55）或“身份”（干部、管理、专业技术、工人）里补上
care-visit-count = 共 { $count } 人
care-party-count = 本月生日会员 { $count } 人
care-party-names = ；本月寿星：{ $names }
care-visit-names = 共 { $count } 人：{ $names }
care-feed-name = { $name } 关怀工作（内部）
care-sheet-birthdays = 生日
care-sheet-retirements = 退休
care-sheet-problems = 名册问题
care-columns-birthdays = 月份|日期|姓名|部门|公历/农历|年龄|整寿
care-columns-retirements = 姓名|部门|出生年月|原退休年龄|法定退休年龄|退休年月
care-columns-register = 序号|姓名|部门|走访日期|走访人|慰问品|签字
care-columns-problems = 单元格|问题|处理
care-month = { $month } 月
care-lunar = 农历
care-gregorian = 公历
care-round = 整寿
care-age = { $years } 岁 { $months } 个月
care-left-out = 未计入
care-no-retirement = 未计算退休
care-private-inside-public = 内部文件夹 { $private } 在公开输出文件夹 { $public } 里面（或反过来）：名单会被公开，已拒绝
care-roster-unreadable = 会员名册读不了（公开的日历照常生成，关怀名单没有生成）：{ $why }
care-written = 关怀工作：{ $members } 名会员，{ $count } 项，写入内部文件夹 { $folder }（不要公开）
plan-birthdays = 为本月过生日的 { $count } 名会员送上生日祝福
roster-cell-empty = { $header }是空的
care-name-department = { $name }（{ $department }）
care-register-heading = { $title }（{ $date }）
start-port-taken = 端口 { $taken } 已被占用，改用 { $port }
import-pasted = 粘贴的通知
start-serving = 工会日历已打开：{ $url }
start-already = 这个文件夹的工会日历已经在运行：{ $url }
start-open-yourself = 浏览器没有自动打开：请把这个地址复制到浏览器里打开：{ $url }
start-how-to-stop = 要停止，在工作台上点“退出”，或关闭这个窗口（Ctrl+C）；工作台页面全部关闭一段时间后也会自动退出。
start-network = 这是局域网地址：只提供预览，不能在网页上生成文件或修改日历
start-wrote-starter = 已写入新的日历文件 { $path }：在工作台点“用记事本打开”修改它
start-cannot-write = 文件夹 { $folder } 不能写入（{ $error }）：请把 unioncal 放到“文档”或桌面上的一个文件夹里再双击
start-press-enter = 按回车键关闭这个窗口
workbench-title = 工会日历工作台
workbench-build-heading = 生成
workbench-png = 长图（微信）
workbench-pdf = PDF（打印）
workbench-build = 生成全部文件
workbench-open = 打开输出文件夹
workbench-edit = 用记事本打开
workbench-fix = 修复中文标点
workbench-import-heading = 粘贴放假通知
workbench-import-placeholder = 把国务院办公厅的放假通知全文粘贴到这里，再点“导入通知”
workbench-import = 导入通知
workbench-problems-heading = 错误和提醒
workbench-preview = 预览
workbench-line = 第 %line% 行：
workbench-working = 正在处理
workbench-no-problems = 没有错误
workbench-work = 调休上班
workbench-has-errors = 日历文件有错误，没有生成：先改正下面的错误
workbench-built = 已生成全部文件，在 { $out }
workbench-build-failed = 生成没有完成，请看下面的错误
workbench-imported = 已导入 { $year } 年的放假安排，这台电脑上的所有日历都会使用它
workbench-opened = 已打开 { $path }
workbench-cannot-open = 打不开 { $path }：{ $error }
cli-about-start = 不用命令行：新建或打开日历，在浏览器里预览、生成文件、导入放假通知、修复中文标点（双击 unioncal.exe 就是这个）
cli-start-folder = 日历所在的文件夹（默认当前文件夹）；空文件夹会写入新的日历文件
cli-start-port = 端口（被占用时自动换下一个）
cli-start-bind = 监听地址；局域网地址只提供预览，不能操作
cli-start-no_open = 不自动打开浏览器（会打印地址）
cli-start-home_folder = 使用主文件夹里的“工会日历”文件夹（没有就新建）；开始菜单里的“工会日历”就是这样启动的
routine-daily = 每天
routine-weekly = 每周{ $days }
routine-day-separator = 、
routine-line = { $days } { $time } { $place }，共 { $count } 次
routine-moved = { $from }改到{ $to }
routine-cancelled = { $date }暂停
routine-exceptions = （{ $list }）
routine-exception-separator = ；
page-routines = 每周例行
routine-time = { $from }–{ $to }
routine-weekdays = 一|二|三|四|五|六|日
roster-not-a-file = 不是普通文件（是文件夹、管道或设备）：roster 要写会员名册文件的名字
roster-too-big = 文件太大（解开后超过 { $megabytes } MB），不像是会员名册：请只保留名册这张表另存一份
roster-too-far = { $cell } 有内容，超出了名册能读的范围（{ $rows } 行、{ $columns } 列）：删掉这个单元格（或清除它所在的整行整列）后再保存
roster-open-quote = 第 { $row } 行有一个没有配对的英文引号 "，后面的会员会全被读成这一格：删掉多余的引号，或在 Excel/WPS 里另存为 .xlsx
roster-duplicate-header = { $first }“{ $first_header }”和 { $second }“{ $second_header }”是同一列：删掉或改名其中一列
roster-cell-too-long = { $header }超过 { $most } 个字，不像名册里的内容：请改短
roster-id-number-cell = 被 Excel 存成了数字（显示为 1.10105E+17），末几位已经丢了：把这一列设成“文本”格式，再重新输入身份证号
roster-impossible-birth = 不可能是会员的出生日期（早于 1900 年或晚于今天）
roster-warning-dates-help = 这位会员照常算进走访名单，但不计生日和退休：改正出生日期后重新生成
care-no-dates = 未计生日和退休
care-too-many = 关怀名单会有 { $count } 条，超过了上限 { $most } 条
care-too-many-visit-help = 这次走访的人数乘以次数太多：把 who 限定到更小的人群，或改成每年、每季度一次
care-too-many-help = 日期范围太长：一次生成一年（--year），或缩短 --from/--to
list-private-json-only = --private 只和 --format json 一起用；表格形式的关怀名单在内部文件夹的 care.xlsx 里（unioncal build 生成）
start-claim-busy = 另一个工会日历正在这个文件夹里启动：稍等片刻再打开
fix-mixed-encoding = 第 { $line } 行的编码和文件其余部分不同（UTF-8 里混进了 GBK 的一行），修复会把中文变成乱码，所以没有修改：在记事本里重新输入第 { $line } 行，另存为 UTF-8
slip-more = 还有 { $count } 处中文输入法打出的标点没有一一列出（第 { $lines } 行）
slip-more-help = 在工作台上点“修复中文标点”一次改好（或运行 unioncal check --fix { $file }）
slip-help-workbench = 把 { $typed } 改成 { $instead }；或在工作台上点“修复中文标点”，一次改正全部中文标点
slip-space-help-workbench = 删去这个全角空格，或换成英文空格；或在工作台上点“修复中文标点”，一次改正全部中文标点
slip-more-help-workbench = 在工作台上点“修复中文标点”一次改好
provisional-year-help-workbench = { $year } 年国务院通知发布后，把通知全文粘贴到工作台的“粘贴放假通知”框里，点“导入通知”
on-guessed-day-help-workbench = 国务院通知发布后，在工作台的“粘贴放假通知”里导入，再看一次；或改到不受调休影响的日子
change-unmatched-help-workbench = `date` 写那一次活动原定、安排或最终的日期；右边的预览里可以查看每次活动的日期
notice-nothing-to-extend-help-workbench = 先在“粘贴放假通知”里导入当年的通知，再导入这一份
holidays-file-unreadable-help-workbench = 路径相对于日历文件；也可以不用这个文件，把通知粘贴到工作台的“粘贴放假通知”里导入
cli-idle-exit-range = 写 0 到 10080 之间的分钟数（0 表示不自动退出）
cli-start-idle_exit = 最后一个工作台页面关闭多少分钟后自动退出（默认 10；0 表示不自动退出）
workbench-stop = 退出
workbench-stopped = 工会日历已退出，可以关闭这个页面。要再使用，重新打开“工会日历”（或双击 unioncal.exe）。
import-stdin = 标准输入
import-old-word = 这是旧版 Word/WPS 文档（.doc/.wps），读不了：用 Word 或 WPS 打开后“另存为” .docx，或把全文复制粘贴到工作台的“导入工作计划”里
import-pdf = 这是 PDF，读不了：请找到原来的 Word 文件（.docx），或把 PDF 里的文字复制粘贴到工作台的“导入工作计划”里
import-not-word = 这个压缩文件不是 Word 文档：请用 Word 或 WPS 另存为 .docx，或把全文另存为 .txt
import-binary = 既不是文字，也不是 Word 文档：请用 Word 或 WPS 另存为 .docx 或 .txt
import-empty = 文件里没有文字
import-too-big = 文件太大，不像一份工作计划（最多 { $lines } 行）：只留下当年的计划再试
import-exists = { $path } 已经存在，没有覆盖：用 --out 另给一个文件名
import-wrote = 已写入草稿 { $path }：{ $items } 项活动，其中 { $dated } 项定了日子，{ $review } 项标了“请核对”。逐项核对后再生成
import-nothing-dated = 计划里没有写出具体日子的活动：草稿里都是月度或年度任务，请补上日子
import-draft-head = 由工作计划生成的草稿：每项活动上面是原文，标了“请核对”的日子是推测的
import-draft-line = 原文第 { $line } 行：{ $text }
import-draft-review = 请核对：日子是推测的
import-draft-year-task = 全年工作，没有写月份：暂放在十二月
import-draft-name = 工会
cli-init-from = 从写好的工作计划生成日历草稿：.docx（Word、WPS）、.txt（UTF-8 或 GBK），或用 - 读标准输入
cli-init-year = 计划的年份（默认：计划标题里写的年份，否则今年）
cli-init-out = 草稿写到哪个文件（默认 unioncal.toml）；已有的文件不会被覆盖
cli-init-format = json：只打印读到的内容，不写文件
workbench-plan-heading = 导入工作计划
workbench-plan-placeholder = 把写好的年度工作计划全文粘贴到这里，或在下面选择 Word 文件，再点“读取计划”
workbench-plan-file = 或选择 Word 文件（.docx）：
workbench-plan-read = 读取计划
workbench-plan-save = 写入日历
workbench-plan-review = 请核对
workbench-plan-months =  月
workbench-plan-saved = 已把工作计划的 { $items } 项活动写入 { $path }（原来的日历另存为 { $backup }）：逐项核对，标了“请核对”的日子是推测的
roster-mixed-encoding = 第 { $row } 行的编码和其余各行不同（UTF-8 里混进了 GBK），读下去姓名会成乱码：在 Excel/WPS 里另存为 .xlsx，或重新输入这一行
import-mixed-encoding = 第 { $line } 行的编码和其余各行不同（UTF-8 里混进了 GBK）：在记事本里重新输入这一行并另存为 UTF-8，或把全文粘贴到工作台
rule-date = 每年 { $month } 月 { $day } 日
rule-once = { $year } 年 { $month } 月 { $day } 日
rule-lunar = 农历{ $month }{ $day }
rule-holiday = { $name }放假第一天
rule-each-month = 每月
rule-these-months = { $months } 月
rule-every-weeks = 每 { $n } 周的周{ $days }
rule-monthly-day = { $each } { $day } 日
rule-monthly-nth = { $each }第{ $n }个周{ $day }
rule-monthly-last = { $each }最后一个周{ $day }
rule-month-task = { $months } 月内
rule-rrule = 自定义规则 { $rule }
rule-before-days = { $anchor }前 { $n } 天
rule-after-days = { $anchor }后 { $n } 天
rule-before-workdays = { $anchor }前 { $n } 个工作日
rule-after-workdays = { $anchor }后第 { $n } 个工作日
rule-offset = { $anchor }（{ $offset }）
rule-with-changes = （另有增减或调整）
edit-unreadable = 日历文件有写错的地方，表单暂时不能修改它：{ $error }。先点“生成全部文件”看出错的行，改好后再用表单
edit-events-not-tables = 活动没有写成 [[events]] 表，表单不能修改：请点“用记事本打开”修改
edit-title-empty = 请填写活动名称
edit-kind-unknown = 不认识的时间类型“{ $kind }”：请在“时间”里重新选择
edit-not-found = 日历里没有 id 为“{ $id }”的活动（也许已在别处删除）：请刷新列表再试
edit-stale = 日历文件在别处改过了（也许正在记事本里编辑）。为了不覆盖那边的修改，这次没有保存：请刷新列表，再改一次
edit-other = 这个活动用了表单不能显示的写法（如 rrule、also/except、单次调整、起止日期）：请点“用记事本打开”修改
edit-refused = 这样保存后日历会出错，文件没有改动：{ $error }
edit-saved = 已保存“{ $title }”（原来的文件另存为 { $backup }）
edit-deleted = 已删除“{ $title }”（原来的文件另存为 { $backup }）
edit-bad-request = 表单内容读不懂：{ $error }
form-heading = 活动
form-new = + 新活动
form-refresh = 刷新列表
form-title = 活动名称
form-when = 时间
form-kind-date = 公历某一天
form-kind-lunar = 农历某一天
form-kind-festival = 节日、纪念日、法定节假日
form-kind-term = 节气、三伏
form-kind-weekly = 每周几
form-kind-monthly-nth = 每月第几个星期几
form-kind-monthly-day = 每月几日
form-kind-month-task = 某月内完成（不定日子）
form-every-year = 每年
form-shift = 提前或推后
form-same-day = 当天
form-before = 之前
form-after = 之后
form-days = 天
form-workdays = 个工作日
form-every-weeks = 每几周一次
form-nths = 第一个|第二个|第三个|第四个|第五个|最后一个
form-months = 只在这些月（不选就是每月）
form-task-months = 在哪几个月
form-holiday-group = 法定节假日（放假第一天）
form-festival-group = 节日、纪念日
form-all-day = 全天
form-from = 开始
form-to = 结束
form-place = 地点
form-organizer = 负责
form-category = 类别
form-category-none = 不分类
form-audience = 参加范围
form-save = 保存
form-delete = 删除
form-cancel = 取消
form-next = 接下来：
form-no-next = 今年余下的日子里没有这个活动
form-next-day = { $date } { $weekday }
form-confirm-delete = 确定删除“%title%”吗？原来的文件会另存为 .bak
form-next-label = 下一次
form-none = 还没有活动：点“+ 新活动”
form-month-suffix = 月
rule-workdays-only = （只在工作日）
form-workdays-only = 只在工作日（周末、放假不办）
rule-nths = 一|二|三|四|五
form-problem-at = { $file } 第 { $line } 行：
form-problem-help = （{ $help }）
start-home-folder = 工会日历
start-no-home = 找不到主文件夹（HOME 没有设置）：请在命令里写出日历所在的文件夹
form-inherited = （默认，不填就是它）
