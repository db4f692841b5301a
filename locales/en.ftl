# unioncal messages in English. Arguments: { $name }.
calendar-no-name = the calendar has no `name`
calendar-no-name-help = add `name = "…工会"` under `[calendar]`
slug-invalid = slug `{ $text }` may only hold a-z, 0-9 and -
slug-invalid-help = e.g. `slug = "pku6-union"`
key-reserved = `{ $key }` is a device name Windows reserves (con, nul, aux, com1…) and cannot name a file
key-too-long = too long: { $length } characters, at most { $max } (it names a file)
text-too-long = this text has { $length } characters, at most { $max }
text-too-long-help = shorten it; put a long explanation on a web page and give its address in `description`
text-volume = the activities from { $from } to { $to } carry about { $total } MB of text, more than the { $max } MB limit: `{ $id }` occurs { $count } times with { $bytes } bytes of text each
text-volume-help = shorten that activity's `description`, or build a shorter range with `--from`/`--to`
sheet-too-many-rows = { $from } to { $to } holds { $count } activities, but a spreadsheet has at most { $max } rows: build a shorter range with `--from`/`--to` (a year at a time)
did-you-mean = did you mean `{ $best }`?
timezone-help = use an IANA name such as `Asia/Shanghai`
timezone-unknown = unknown time zone `{ $name }`
language-unknown = unknown language `{ $name }`
language-unknown-help = write `language = "zh"` (Chinese) or `"en"` (English)
domain-invalid = `{ $text }` is not a domain name
domain-invalid-help = e.g. `uid_domain = "union.example.org"`
url-invalid = `{ $text }` is not a web address
url-invalid-help = the feed URL must start with `https://` or `http://`
duration-range = a duration must be longer than zero and at most 366 days
duration-range-help = e.g. `duration = "90m"`
reminder-help = write `reminder = "1d"`, a list such as `["1d", "1h"]`, or `"none"`
reminder-too-far = reminder `{ $text }` is more than a year ahead
reminder-invalid = `{ $text }` is not a reminder
reminder-list-texts = a reminder list holds texts such as `"1d"`
reminder-type = `reminder` must be a text or a list of texts
shift-unknown-help = use one of `none`, `skip`, `before`, `after`, `nearest`
shift-unknown = unknown shift policy `{ $name }`
category-key-invalid = category key `{ $key }` may only hold a-z, 0-9 and -
category-key-invalid-help = e.g. `[categories.culture]`
color-invalid = `{ $text }` is not a CSS hex colour
color-invalid-help = write `color = "#c0392b"` (or `#c33`)
int-range = `{ $key }` is { $n }, outside { $min }–{ $max }
int-range-help = give `{ $key }` a value from { $min } to { $max }
id-twice = two events have the id `{ $id }`
id-twice-help = the first is on line { $line }; ids must be unique, as UIDs are built from them
key-unknown-suggest = unknown key `{ $name }`, did you mean `{ $best }`?
key-unknown-suggest-help = rename `{ $name }` to `{ $best }`
key-unknown = unknown key `{ $name }`
key-unknown-help = the keys allowed here are { $keys }
toml-type-help = check the value's type: text in quotes, numbers without, lists in [ ]
toml-duplicate-help = each key may appear once per table; for another event start a new `[[events]]`
toml-other-help = see the calendar file format in the README
slip-quote = line { $line } has Chinese quotation marks { $typed }: write text in straight double quotes "…"
slip-equals = line { $line } has a full-width { $typed }: put a plain = between a key and its value
slip-comma = line { $line } has a Chinese { $typed }: separate list items with a plain comma ,
slip-bracket = line { $line } has a full-width bracket { $typed }: use the plain { $instead }
slip-hash = line { $line } has a full-width ＃: start a comment with a plain #
slip-space = line { $line } has an ideographic (full-width) space: use a plain space, or delete it
slip-digit = line { $line } has full-width digits { $typed }: use the plain digits { $instead }
slip-other = line { $line } has the full-width character { $typed }: use the plain { $instead }
slip-help = change { $typed } to { $instead }, or run `unioncal check --fix { $file }` to correct every slip at once
type-string = text
type-integer = a whole number
type-float = a decimal number
type-bool = true or false
type-list = a list
type-table = a table
type-date = a date
type-string-example = put text in double quotes, e.g. `title = "三八节"`
type-integer-example = write numbers without quotes, e.g. `year = 2027`
type-bool-example = write true or false without quotes, e.g. `workdays_only = true`
type-list-example = put a list in square brackets, e.g. `weekdays = ["周一", "周三"]`, even with one item
slip-space-help = delete the ideographic space or replace it with a plain one, or run `unioncal check --fix { $file }` to correct every slip at once
type-other = another value
toml-wrong-type = this should be { $expected }, not { $found }
toml-too-large = this number is too large
toml-too-large-help = write a sensible number, e.g. `days = 3`
toml-missing-key = `{ $name }` is missing
toml-missing-key-help = add a line `{ $name } = …`
toml-string-unclosed = the text is not closed: the closing double quote " is missing
toml-string-unclosed-help = end the text with ", e.g. `title = "三八节"`; inside the text use Chinese quotes “ ”
toml-control = this line holds an invisible control character
toml-control-help = delete it (retyping the line is easiest)
toml-multiline-unclosed = the multi-line text is not closed: the closing """ is missing
toml-multiline-unclosed-help = put """ on the line after the text
toml-escape = what follows the backslash \ is not an escape
toml-escape-help = write a backslash itself as \\, or put the whole text in single quotes '…'
toml-no-equals = this line has no =
toml-no-equals-help = write `key = value`, e.g. `title = "三八节"`
toml-extra-equals = this line has one = too many
toml-extra-equals-help = one `key = value` per line; separate list items with commas
toml-table-unclosed = the table header lacks its closing ]
toml-array-table-unclosed = the table header lacks its closing ]]
toml-table-help = headers are `[calendar]`, and each activity starts with `[[events]]` (plain brackets)
toml-array-unclosed = the list lacks its closing ]
toml-missing-comma = a comma , is missing between two list items
toml-extra-comma = the list has one comma too many
toml-list-help = write a list as `["周一", "周三", "周五"]`: plain brackets, one plain comma between items
toml-inline-table = the braces { "{" } … { "}" } are not written right
toml-inline-table-help = write `{ "{" } 状态 = "退休" { "}" }`: `key = value` items separated by commas
toml-bad-key = a key may only hold letters, digits, - and _
toml-bad-key-help = write keys as documented (`title`, `date`); quote a Chinese key (`"状态" = "退休"`)
toml-no-key = the key before = is missing
toml-no-key-help = write `key = value`, e.g. `name = "城东小学工会"`
toml-trailing = there is more on this line after the value
toml-trailing-help = one `key = value` per line; put a note on a line of its own starting with #
toml-duplicate = the same key is written twice
toml-value = this value is not written right
toml-value-help = put text in double quotes (`name = "城东小学工会"`) and numbers without (`year = 2027`)
offset-too-far = an offset is at most ten years
offset-too-far-help = move the anchor instead
until-before-start = `until` ({ $until }) is before `start` ({ $start })
until-before-start-help = `until` is the last day of the window, on or after `start`
interval-needs-start = `interval` needs `start`: the count of days, weeks or months starts there
interval-needs-start-help = add `start = "YYYY-MM-DD"` (e.g. the first Thursday of the term)
and = {" and "}
anchors-several = event `{ $id }` has more than one anchor: { $names }
anchors-several-help = an event has exactly one anchor; split it into two `[[events]]`
holiday-unknown = `{ $name }` is not a statutory holiday
holiday-unknown-help = use one of { $names }; for other days use `date` or `lunar`
month-and-months = give either `month` or `months`, not both
month-and-months-help = `months = [3, 9]` lists several months
anchor-none = event `{ $id }` has no anchor: nothing says what day it is
anchor-none-help = give one of `date`, `lunar`, `term`, `holiday`, `repeat`, `rrule`, or `month` for a task of the month
key-does-not-apply = `{ $key }` does not apply to this event
misplaced-weekdays = `weekdays` goes with `repeat = "weekly"`
misplaced-day = `day` goes with `repeat = "monthly"`; for a fixed day of the year use `date = "MM-DD"`
misplaced-weekday = `weekday` and `nth` go with `repeat = "monthly"`; for several weekdays use `repeat = "weekly"` and `weekdays`
misplaced-nth = `weekday` and `nth` go with `repeat = "monthly"`
misplaced-interval-rrule = put the interval in the rule itself: `INTERVAL=2`
misplaced-interval = for an annual event every N years use `every_years`
misplaced-month = `month` alone makes a task of the month; to keep only some months use `months = [...]`
edition-incomplete = `edition` needs `number` and `year`
edition-incomplete-help = write `edition = {"{"} number = 43, year = 2023 {"}"}`: the 43rd was in 2023
edition-missing = the title uses `{ $placeholder }` but the event has no `edition`
edition-missing-help = add `edition = {"{"} number = 43, year = 2023 {"}"}` (the number in a year you know)
every-years-needs-since = `every_years` needs `since` (a year it happens in) or `edition`
every-years-needs-since-help = add e.g. `since = 2022`
since-alone = `since` goes with `every_years`
since-alone-help = add `every_years = N`, or remove `since`
id-invalid = event id `{ $id }` may only hold a-z, 0-9 and -
id-invalid-help = e.g. `id = "womens-day"`; the id is part of every UID, so keep it once chosen
id-missing = an event has no `id`
id-missing-help = add `id = "…"` (a-z, 0-9, -): it keeps subscribers' copies in step
title-missing = event `{ $id }` has no `title`
title-missing-help = add `title = "…"`
category-unknown-help = declare it: `[categories.{ $key }]` with a `label`
category-unknown = unknown category `{ $key }`
term-unknown-help = use a solar term by its Chinese name (立春 … 大寒) or 初伏, 中伏, 末伏
term-unknown = `{ $name }` is not a solar term
weekly-needs-weekdays = a weekly event needs `weekdays`
weekly-needs-weekdays-help = add e.g. `weekdays = ["mon", "wed", "fri"]`
weekdays-empty = `weekdays` is empty
weekdays-empty-help = list at least one weekday, e.g. `["mon"]`
day-zero = `day` cannot be 0
day-zero-help = 1 is the first day, -1 the last
nth-zero = `nth` cannot be 0
nth-zero-help = 1 is the first, -1 the last weekday of the month
weekday-needs-nth = `weekday` needs `nth`
weekday-needs-nth-help = add `nth = 1` for the first, `-1` for the last
nth-needs-weekday = `nth` needs `weekday`
nth-needs-weekday-help = add e.g. `weekday = "wed"`
day-and-weekday = give either `day` or `weekday` with `nth`, not both
day-and-weekday-help = `day = 15` is the 15th; `weekday = "wed"`, `nth = 1` the first Wednesday
monthly-needs-day = a monthly event needs `day`, or `weekday` with `nth`
monthly-needs-day-help = add `day = 15`, or `weekday = "wed"` and `nth = 1`
repeat-yearly-help = for every year use `date = "MM-DD"`
repeat-unknown-help = use `daily`, `weekly` or `monthly`, or an `rrule`
repeat-unknown = unknown repeat `{ $name }`
rrule-only = give only the RRULE part
rrule-only-help = put the first day in `start = "YYYY-MM-DD"`
rrule-invalid-help = e.g. `rrule = "FREQ=MONTHLY;BYDAY=-1FR"` (RFC 5545)
into-holidays-not-table = `holidays` in `{ $file }` is not a table
into-holidays-not-table-help = write the holiday settings as a `[holidays]` table
into-periods-not-list = `holidays.periods` in `{ $file }` is not a list of tables
into-periods-not-list-help = write each period as a `[[holidays.periods]]` table
rrule-bad-frequency = `FREQ={ $value }` in the rrule is not a frequency: write DAILY, WEEKLY, MONTHLY or YEARLY
rrule-bad-weekday = `{ $value }` in the rrule is not a weekday: write MO, TU, WE, TH, FR, SA, SU (e.g. BYDAY=MO,WE,FR; the last Friday of a month is -1FR)
rrule-bad-part = `{ $part }={ $value }` in the rrule is not a valid value
rrule-missing-part = the rrule lacks `{ $part }` (e.g. FREQ=WEEKLY)
rrule-twice = `{ $part }` appears twice in the rrule
rrule-unknown-part = the rrule has a part it does not know: `{ $part }`
rrule-invalid-other = the rrule is not written right
rrule-impossible = the rrule's values do not fit together (BYSETPOS needs another BY… part; a number out of range)
months-help = write `months = [3, 9]` or `months = "3-6,9-12"`
month-out-of-range = month { $month } is not between 1 and 12
months-numbers = `months` holds month numbers
months-empty = `months` must list at least one month
needs-time = `{ $key }` needs `time`
needs-time-help = add `time = "HH:MM"`, or remove it for an all-day event
end-and-duration = give either `end` or `duration`, not both
end-and-duration-help = `end = "17:00"` or `duration = "2h"`
end-before-time = `end` ({ $end }) is before `time` ({ $start })
end-before-time-help = for an event past midnight use `duration`, e.g. `duration = "3h"`
change-needs-date = a change needs `date`: the day of the occurrence it changes
change-needs-date-help = add `date = "YYYY-MM-DD"`
change-month-task = a month task's change names its month
change-month-task-help = write `date = "YYYY-MM"`, e.g. `"2027-09"`
change-move-or-cancel = a change either moves or cancels
change-move-or-cancel-help = remove `move_to` or `cancel`
change-month-task-move = a month task has no day to move
change-month-task-move-help = cancel it and add an event with a `date`
change-end-before-time = `end` is before `time`
change-end-before-time-help = the end comes after the start
date-help = write a date as `YYYY-MM-DD` or `YYYY年M月D日`, e.g. `2027-03-08` or `2027年3月8日`
date-no-year = `{ $text }` has no year
date-not-a-day = { $text } is not a day of the calendar
date-invalid = `{ $text }` is not a date
month-day-help = write a day of the year as `MM-DD` or `M月D日`, e.g. `03-08` or `3月8日`
month-day-invalid = `{ $text }` is not a month-day
month-day-not-a-day = { $text } is not a day of the year
date-spec-help = write `YYYY-MM-DD` (or `2027年3月8日`) for one day, `MM-DD` (or `3月8日`) for every year
time-help = write a time as `HH:MM` on the 24-hour clock, e.g. `14:30`
time-invalid = `{ $text }` is not a time
time-not-a-time = { $text } is not a time of day
length-help = write a length as `90m`, `2h`, `1h30m` or `1d` (or `90分钟`, `2小时`, `1小时30分钟`, `半小时`, `1天`)
length-invalid = `{ $text }` is not a length of time
length-unit = `{ $unit }` is not a unit of time in `{ $text }`
offset-help = write an offset as `-3d` (days), `+1w` (weeks) or `-2wd` (working days)
offset-invalid = `{ $text }` is not an offset
weekday-invalid = `{ $text }` is not a weekday
weekday-help = write `mon` `tue` `wed` `thu` `fri` `sat` `sun`, or `周一` … `周日` (`星期一`, `礼拜一`)
lunar-help = write a lunar day as `MM-DD` (`"08-15"`) or in Chinese (`八月十五`, `正月初一`, `腊月廿三`, `除夕`)
lunar-out-of-range = `{ $text }` is not a lunar day: months run 1–12 and days 1–30
lunar-invalid = `{ $text }` is not a lunar month-day
months-text-help = write months as numbers 1–12 and ascending ranges, e.g. `"3-6,9-12"`
months-text-invalid = `{ $item }` is not a month or a range of months
months-backwards = the range `{ $item }` runs backwards
months-backwards-help = ranges must ascend: write `"9-12,1-3"` instead of `"9-3"`
range-backwards = the range `{ $text }` ends before it starts
range-backwards-help = write the earlier day first: `2027-07-10..2027-08-31`
range-too-long = the range `{ $text }` is longer than ten years
range-too-long-help = give the days off of each year separately
region-unknown = unknown holiday region `{ $name }`
region-unknown-help = write `region = "cn"` (mainland China) or `"none"` (weekends only)
holidays-file-unreadable = cannot read the holidays file `{ $path }`: { $error }
holidays-file-unreadable-help = paths are relative to the calendar file; create it with `unioncal holidays import NOTICE --into FILE`
period-incomplete = a holiday period needs `name`, `start` and `end`
period-incomplete-help = e.g. `name = "国庆节"`, `start = "2028-10-01"`, `end = "2028-10-07"`
period-backwards = the period ends before it starts
period-backwards-help = `end` is the last day off, on or after `start`
period-too-long = a holiday period is at most a year long
period-too-long-help = use `extra_off` for long breaks
plan-section-no-title = a plan section needs a `title`
plan-section-no-title-help = e.g. `title = "指导思想"` and `body = "…"`
plan-layout-unknown = unknown plan layout `{ $name }`
plan-layout-unknown-help = write `layout = "list"` (numbered items by month) or `"table"`
plan-merge-overlap = the months `{ $text }` overlap another merged run
plan-merge-overlap-help = each month may be merged into one run only
plan-merge-invalid = `{ $text }` is not a run of months
plan-merge-invalid-help = write the first and last month, e.g. `merge = ["7-8"]` for 七、八月份
file-too-big = `{ $name }` is { $size } bytes, more than a calendar file may be (16 MiB)
file-too-big-bytes = `{ $name }` is larger than a calendar file may be (16 MiB)
not-utf8 = the file is not UTF-8 text
not-utf8-help = save the file as UTF-8 (in Notepad: Save As → Encoding → UTF-8; a GBK/GB2312 file will not do)
file-too-big-help = a calendar file holds rules, not occurrences: use `repeat` or `rrule` for repeating events
toml-syntax = { $detail }
no-calendar-table = the file has no `[calendar]` table
no-calendar-table-help = start the file with `[calendar]` and a line `name = "…工会"`
provisional-year = the { $year } holiday arrangement is not published yet: days off and make-up workdays are a forecast; the State Council notice decides
provisional-year-help = when the State Council notice for { $year } is out, paste it: `unioncal holidays import notice.txt --save` (or type it in as `[[holidays.periods]]`), then build again
periods-missing-festivals = `[[holidays.periods]]` for { $year } does not name { $names }: their days are the forecast
periods-missing-festivals-help = type in every period of the year's notice
on-guessed-day = `{ $id }` falls on { $days }, a day whose rest or make-up work is only a forecast: the notice may turn it
on-guessed-day-help = import the notice when it is out (`unioncal holidays import notice.txt --save`) and check again, or move it to a day 调休 cannot touch
and-more = {" "}and { $count } more
on-days-off = `{ $id }` falls on a day off { $count } time(s): { $days }
on-days-off-help = set `shift = "before"`, `"after"`, `"nearest"` or `"skip"`; `shift = "none"` keeps the days and silences this
fifth-weekday = a fifth { $weekday }
fifth-last-weekday = a fifth-last { $weekday }
day-n = a day { $day }
missing-days = `{ $id }` has no occurrence in { $months }: those months have no { $what }
missing-days-help = use `nth = -1` (the last) or `day = -1` (the last day) to have one every month
overlap = `{ $a }` and `{ $b }` overlap at { $place } on { $date }
overlap-help = move one of them, or give it another `location`
overlap-more = and { $count } more overlaps at the same places
range-ends-first = the range ends ({ $to }) before it starts ({ $from })
year-unsupported = year { $year } is outside the years unioncal supports ({ $min }–{ $max })
cn-too-early = statutory holidays (region "cn") are supported from { $first }; for { $year } set `region = "none"` under `[holidays]`
too-many = the calendar gives more than { $max } occurrences from { $from } to { $to }; build a shorter range
change-unmatched = the change of `{ $id }` on { $day } matches no occurrence
change-unmatched-help = `date` names an occurrence by its nominal, scheduled or final day; `unioncal list` shows them
change-month-unmatched = the change of `{ $id }` matches no month of the task
change-month-unmatched-help = a month task's change names one of its months as `YYYY-MM`
check-summary = { $file }: { $events } events, { $occurrences } occurrences in { $year }, { $warnings } warning(s)
fix-missing = there is no such file
fix-too-big = the file is too large ({ $size } bytes) for a calendar; nothing was changed
fix-binary = this is not a text file (it holds binary data); nothing was changed
fix-undecodable = its text is neither UTF-8 nor GBK; nothing was changed (in Notepad: Save As → Encoding → UTF-8)
fix-read-only = the file is read-only; nothing was changed
fix-folder-read-only = the folder { $folder } cannot be written; nothing was changed
fix-nothing = { $file } has no Chinese-input slips to correct
fix-changed = line { $line }: { $before } → { $after }
fix-gbk = the file was GBK-encoded and is now saved as UTF-8
fix-summary = corrected { $count } slip(s) and wrote { $file }; the original is kept as { $backup }
build-sharing = { $file }: making pictures and PDF with { $browser }
build-summary = { $file }: { $occurrences } occurrences, { $files } files written to { $out }
build-up-to-date = { $file }: { $occurrences } occurrences, nothing changed: the { $files } files in { $out } are up to date
slug-clash = `{ $first }` and `{ $second }` have the same slug `{ $slug }`; give one of them another `slug`
build-failed-count = { $failed } of { $total } calendars failed
no-calendar-file-help = name an existing calendar file, or create one with `unioncal init`
io-cannot-read = cannot read `{ $path }`: { $error }
io-cannot-fix = cannot fix `{ $path }`: { $error }
io-cannot-write = cannot write `{ $path }`: { $error }
not-a-regular-file = not a regular file (a folder, a pipe or a device): not written
io-cannot-create = cannot create `{ $path }`: { $error }
io-cannot-listen = cannot listen on `{ $path }`: { $error }
browser-help = install Google Chrome, Chromium or Microsoft Edge, or name one with `--browser PATH` (or UNIONCAL_BROWSER)
notice-no-year = cannot tell which year this notice arranges
notice-no-year-help = paste the notice with its title line (国务院办公厅关于20XX年部分节假日安排的通知), or give `--year`
notice-item-no-days-unnamed = found no days off for this item
notice-item-no-days = found no days off for { $name }
notice-item-no-days-help = write its days as in the notice, e.g. `1月1日至3日放假调休，共3天。` (dates with 月 and 日)
notice-nothing = found no holiday arrangement in this text
notice-nothing-help = paste the notice's items, e.g. `一、元旦：1月1日（周五）至3日（周日）放假，共3天。`
notice-nothing-to-extend = there is no { $name } break of { $year } to extend
notice-nothing-to-extend-help = import the year's notice first (`unioncal holidays import NOTICE --save`), then this one
notice-not-a-date = `{ $text }` is not a date
notice-check-date-help = check the month and day against the published notice
notice-weekday-mismatch = { $date } is a { $weekday }, but the notice says `{ $written }`
notice-weekday-mismatch-help = one of the date and the weekday was mistyped: compare with the published notice
notice-span-backwards = the span `{ $text }` ends before it starts
notice-span-backwards-help = write the first day, then `至`, then the last day
notice-workday-weekday = { $date } is a { $weekday }: a make-up workday (上班) is always a Saturday or Sunday
notice-check-one-date-help = check the date against the published notice
notice-count-mismatch = the notice says { $stated } days, but `{ $written }` is { $counted } days
notice-count-mismatch-help = one of the dates and the day count was mistyped: compare with the published notice
notice-festival-day-missing = the { $name } break ({ $first } to { $last }) does not hold { $festival }'s own day, { $day }
notice-festival-day-missing-help = check the dates against the published notice (a mistyped month or day)
notice-item-unnamed = this item does not say which festival it is
notice-item-unnamed-help = start each item with the festival's name and a colon, e.g. `一、元旦：1月1日放假，共1天。` or `1、元旦：…`
notice-work-inside-break = the make-up workday { $date } falls inside the { $name } break ({ $first } to { $last })
notice-festival-twice = { $festival } appears twice in the notice
notice-festival-twice-help = give each festival one item: delete the repeated one, or check the festival's name against the published notice
notice-festivals-missing = the notice names { $named } at its start, but no arrangement was read for { $missing }
notice-festivals-missing-help = check that those items were pasted whole, each on its own line starting with its number and festival (e.g. `三、清明节：…`)
notice-year-range = the notice is for { $year }: arrangements can be imported for { $first }–{ $last }
notice-year-range-help = check the year in the title against the published notice, or give it with `--year`
cli-help = Print help
cli-version = Print version
cli-about = Turn one TOML file into a trade union's whole year of activities
cli-arg-quiet = Print only errors
cli-arg-verbose = Print more about what is done
cli-arg-lang = The language of messages: `zh` or `en`
cli-arg-year = The year
cli-arg-from = First day of a range, YYYY-MM-DD (with --to)
cli-arg-to = Last day of a range, YYYY-MM-DD (with --from)
cli-arg-file = The calendar file
cli-arg-templates = A folder of templates overriding the built-in ones by name
cli-arg-png = Also make pictures to share
cli-arg-pdf = Also make print.pdf
cli-arg-browser = The browser for --png and --pdf
cli-about-build = Write every output
cli-build-files = The calendar file; with several, each into its own folder
cli-build-out = The folder to write into
cli-about-list = List the events of a year (or range) as a table, JSON or CSV
cli-list-month = Only this month (1–12) of the year
cli-list-format = Output format
cli-list-private = add the roster's care work to the JSON as `care` (names and birthdays: personal data, for the officer only)
cli-about-check = Check a calendar file: errors exit 1, warnings exit 0
cli-check-year = The year to check
cli-check-fix = correct the punctuation a Chinese input method slipped in (“ ” ＝ ， 【】 ＃, full-width spaces and digits) outside strings and comments, keep the original as FILE.bak, then check
cli-about-init = Write a starter calendar file (or one of the shipped examples)
cli-init-path = Where to write the calendar file
cli-init-template = Which template: `starter` or a shipped example
cli-init-force = Overwrite an existing file
cli-init-list = List the templates and exit
cli-about-schema = Print a JSON Schema of the calendar file, for editors
cli-about-completions = Print shell completions
cli-completions-shell = The shell
cli-about-serve = Serve the calendar's pages and feeds from memory
cli-serve-port = The port to listen on (0: any free port)
cli-serve-bind = The address to listen on
cli-serve-open = Open the index page in the default browser
cli-about-holidays = Show the days off and make-up workdays of a year
cli-holidays-file = A calendar file whose `[holidays]` apply
cli-holidays-format = `text` for people (each break, how sure it is, the alternative) or `json` for scripts (year, source, periods)
cli-holidays-forecast = show the forecast even for a year whose arrangement is known, to compare it with the notice
cli-about-holidays-import = Read the State Council's holiday notice
cli-holidays-import-notice = The notice as a text file (UTF-8), or `-` to paste it
cli-holidays-import-save = Save the arrangement in this computer's data folder
cli-holidays-import-into = Write the periods into this TOML file
cli-holidays-import-year = The year, when the text has no title line naming it
cn-too-early-help = statutory holidays start in 2000; a year before needs `region = "none"`
serve-built = built { $count } files in { $ms } ms
serve-last-good = still serving the last good build
serve-overlay-title = unioncal: the calendar has errors; still serving the last good build
serve-cannot-watch = cannot watch files: { $error }
serve-cannot-start = cannot start the server: { $error }
serve-cannot-wait = cannot wait for Ctrl-C: { $error }
serve-stopped = stopped
serve-serving = serving { $url }  (Ctrl-C to stop)
serve-loopback = only this computer can open it; `--bind 0.0.0.0` serves the network
serve-network-url = on the network: { $url }  (give members { $url }subscribe.html)
serve-network-warning = warning: the server is reachable from the network; anyone who can reach this computer can read the calendar
serve-cannot-open = cannot open a browser ({ $error }); open { $url } yourself
init-no-template = no template `{ $name }`; the templates are { $names }
init-exists = `{ $path }` exists already; use --force to overwrite it
init-wrote = wrote { $path } ({ $template }); next: edit it, then `unioncal check { $path }` and `unioncal build { $path }`
holidays-years = statutory holidays are known from { $first } to { $last }
no-data-folder = this computer has no user data folder; set UNIONCAL_DATA_DIR
import-saved = saved the { $year } arrangement to { $path }: every calendar on this computer now uses it
import-into = wrote the { $year } periods into { $path }
month-missing = month { $month } of { $year } does not exist
browser-missing = the browser `{ $path }` does not exist
browser-none = no Chrome, Chromium or Microsoft Edge was found
browser-failed = the browser `{ $path }` failed: { $why }
browser-wrote-nothing = the browser `{ $path }` wrote no { $file }
saved-differs = the { $year } arrangement saved on this computer differs from the one built into this unioncal
saved-differs-help = the saved one is used ({ $file }); if the built-in one is newer, delete the saved file or import the latest notice again

# The words of the pages (in the calendar's language), for the templates: {{ t(id="…", lang=lang) }}.
page-provisional-month = * Holiday arrangement not yet published: days marked off* and work* are a forecast (the State Council notice decides).
page-tasks = Tasks this month
page-organizer = Organizer:{" "}
page-audience = For:{" "}
page-nothing = Nothing this month
page-place = Place:{" "}
page-agenda-foot = Tap an event to add it to your phone's calendar. “off” day off · “work” make-up workday
page-nav-subscribe = Subscribe
page-nav-print = Print all
page-year-subtitle = Union activities of the year
page-events-count = {" "}events
page-subscribe-head = Subscribe on your phone
page-subscribe-how = Scan the code, or add a subscribed calendar with:
page-provisional-years = * The { $years } holiday arrangement is not published yet: days off and make-up workdays are a forecast.
page-subscribe-link = How to subscribe or import on each phone
page-print-link = Print every month (A4 landscape)
page-nav-year = Year
share-provisional = * Holiday arrangement not yet published: days marked off* and work* are a forecast.
share-scan =
    Scan to subscribe
    iPhone and Outlook update by themselves
page-key = “off” day off · “work” make-up workday
sheet-subtitle = Union activities
sheet-events = Events this month
subscribe-title = Subscribe and import
subscribe-heading = Subscribe and import: the union's activities in your phone's calendar
subscribe-feed-qr = Feed address
subscribe-page-qr = These pages
subscribe-feed-address = Feed address:{" "}
subscribe-no-url = This calendar has no public address (calendar.url) yet: import the files instead.
subscribe-feed-subscribe = subscribe
subscribe-feed-download = download
subscribe-months = Months
howto-iphone-head = iPhone / iPad
howto-iphone = Tap “subscribe” above and confirm. Or: Settings → Calendar → Accounts → Add Account → Other → Add Subscribed Calendar, and paste the feed address.
howto-mac-head = Mac
howto-mac = Calendar app → File → New Calendar Subscription, paste the address; refresh every day.
howto-outlook-head = Outlook
howto-outlook = Desktop: Calendar → Add Calendar → From Internet. Outlook on the web: Add calendar → Subscribe from web.
howto-xiaomi-head = Xiaomi / HyperOS
howto-xiaomi = Its calendar cannot subscribe to an address but can import a file: download the .ics file above (or tap an event on a month page) and open it with Calendar. Import again after changes.
howto-huawei-head = Huawei / HarmonyOS and other Android phones
howto-huawei = Import the .ics file the same way. To subscribe (automatic updates) install an app that can, such as ICSx⁵, and add the feed address there.
howto-wecom-head = WeCom, DingTalk, Feishu
howto-wecom = They cannot subscribe to outside calendars: use the phone's own calendar (above), or the month pictures and PDF shared in the group.
howto-google-head = Google Calendar (outside mainland China)
howto-google = On the web: Other calendars → “+” → From URL, and paste the feed address.
howto-note-head = Please note
howto-note = Phones refresh subscribed calendars on their own schedule (often once a day), so changes do not show at once; some phones drop the reminders of subscribed calendars.

# The words of feeds, lists, sheets and documents, in the calendar's language.
plan-numbered = { $n }. { $title }
plan-activities = Activities by month
date-month-day = { $mon } { $day }
date-same-month = { $mon } { $day }
date-with-weekday = { $date } ({ $weekday })
date-span = { $from } – { $to }
list-separator = ,{" "}
dates-count = {" "}({ $count } times)
date-year-month = { $name } { $year }
day-off = off
day-work = work
day-provisional = provisional
day-more = +{ $count } more
moved-from = was { $date }
# English pages show no lunar subtitle: the names are Chinese.
month-lunar-subtitle = {""}
agenda-continued = cont.
agenda-all-day = all day
feed-all = All events
weekdays-short = M T W T F S S
table-header = Date|Day|Time|Activity|Place|Notes
table-shifted = shifted from { $date }
table-moved = moved from { $date }
table-provisional-holiday = *provisional holiday
table-empty = (no events in this range)
table-provisional = * The { $years } holiday arrangement is not published yet: days off and make-up workdays are a forecast and may change.
feed-task-summary = [{ $name }] { $title }
feed-organizer = Organizer: { $organizer }
feed-audience = Audience: { $audience }
feed-moved = Originally { $iso }, moved
feed-shifted = Originally { $iso }, moved off a day off
feed-task = Task of the month
sheet-name = Activities
sheet-columns = Date|Weekday|Start|End|Activity|Place|Organizer|Category|Audience
sheet-month-format = mmm yyyy
sheet-this-month = month
sheet-footer = &CPage &P of &N
status-official = the built-in official notice
status-saved = the notice saved on this computer
status-calendar = periods typed into the file
status-provisional = forecast (provisional; the State Council notice decides)
source-official = official: built-in State Council notice
source-saved = official: imported notice, saved { $origin }
source-shared = holidays file { $origin }
source-calendar = typed in the calendar file
source-provisional = forecast: from the law and the principles
holidays-official = { $year } holidays (official: State Council notice for { $year })
holidays-saved = { $year } holidays (official: the State Council notice imported on this machine)
holidays-calendar = { $year } holidays (typed into the calendar file; festivals it does not name are forecast)
holidays-provisional =
    The { $year } holiday arrangement is not published yet (official data built in: { $first }–{ $last }).
    Forecast (provisional; the State Council notice decides): from the law in force that year and the principles the notices follow, make-up workdays included. The statutory days are certain; the other days off are likely; make-up workdays and the first and last days of a break are a guess.
    When the notice is out: unioncal holidays import notice.txt --save
holidays-off = {"  "}off: { $days } ({ $count } { $plural ->
        [one] day
       *[other] days
    })
holidays-certain = {"  "}statutory (certain): { $days }
holidays-guess = {"  "}a guess (may change): { $days }
holidays-alternative = {"  "}or else: off { $off } ({ $count } { $plural ->
        [one] day
       *[other] days
    }), make-up workdays { $work }
holidays-work = {"  "}make-up workdays: { $days }
holidays-day = { $date } ({ $weekday })
holidays-span = { $from } – { $to }
holidays-separator = ,{" "}
import-untitled = { $year } holiday arrangement ({ $name })
import-on-top = applied on top of the { $year } arrangement known before: { $status }
import-day-off = off
import-day-work = a workday
import-changed-day = { $date } ({ $weekday }): forecast { $was }, notice { $now }
import-changed = the days the notice decides otherwise than the forecast ({ $year }, { $count }):
import-as-forecast = the { $year } notice is exactly as forecast
import-moved = activities of { $file } that move because of it ({ $count }):
import-nothing-moved = no activity of { $file } moves because of it
import-moved-one = { $title }: { $from } → { $to }
import-dropped-one = { $title }: { $date } dropped (now a day off)
import-added-one = { $title }: { $date } added
plan-month = { $names } { $year }
document-month = { $names }{ $multi ->
        [yes] {" "}{ $year }
       *[no] {""}
    }
plan-this-month = This month:
plan-md-title = { $name } — activity plan { $period }
plan-md-provisional = Note: for years whose holiday arrangement is not yet published, days off and make-up workdays are a forecast; the State Council notice decides.
plan-md-item = { $n }. { $when }{ $time } { $title }{ $place }{ $audience }
plan-md-time = {" "}{ $time }
plan-md-place = {" "}({ $place })
plan-md-audience = , for { $audience }
time-span = { $from }—{ $to }
document-place = Place: { $place }
document-organizer = Organizer: { $organizer }
document-audience = For: { $audience }
document-item = { $n }. { $when } { $title }
document-details-separator = ;{" "}
document-details = {" "}({ $details })
document-during = During { $name }
document-title = { $name } — work plan { $period }
document-columns = When|Activity|Who takes part|Place|Organizer
date-long = { $day } { $name } { $year }

# What each starter of `init --list` is.
init-about-starter = a commented starter: every key explained in Chinese and English
init-about-hospital = a hospital union: month-by-month plan, 职代会, 护士节, 教师节
init-about-school = a school union: 教代会, fortnightly activities, 送温暖/送清凉
init-about-small-school = a small school: 五必访, women's activities, canteen checks
init-about-institute = an institute in an election year: 换届 every five years, two 职代会
init-about-mine = a coal-mine team: Mon/Wed/Fri safety study, reception day
init-about-utility = a water utility: 劳动竞赛, weekly team study, 一日捐
# The headings of the help, as clap writes them in English.
cli-heading-examples = Examples:
cli-heading-usage = Usage:{" "}
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
time-this-month = this month
period-year = { $year }
csv-columns = Date|Weekday|Time|Activity|Place|Organizer|Category|Audience
weekdays = Mon Tue Wed Thu Fri Sat Sun
sheet-audience = for{" "}
sheet-note = ({ $note })
subscribe-feed-label = { $label }:{" "}
title-separator = ;{" "}
browser-timeout = it took more than { $seconds } s
overlap-over-a-million = over a million
cannot-write-document = cannot write { $file }: { $error }
template-failed = template `{ $name }`: { $message }
template-failed-help = fix the template, or remove it from the templates folder to use the built-in one
build-file = {"  "}{ $name } ({ $bytes } bytes)
browser-looked-in = ; looked in:
care-no-roster = `[care]` lacks `roster`
care-no-roster-help = name the member roster, e.g. `roster = "会员名册.xlsx"` (relative to the calendar file)
care-visit-no-who = this visit has no `who`
care-visit-no-who-help = say whom it visits, e.g. `who = { "{" } "状态" = "退休" { "}" }`; several values as a list `who = { "{" } "状态" = ["退休", "离休"] { "}" }`
care-who-value = the value of `{ $column }` in `who` must be text or a list of texts
care-who-outside = `who` belongs in `[[care.visits]]` only
care-who-outside-help = write a visit as `[[care.visits]]`; it is a public activity too
care-party-unknown = no activity has the id `{ $id }`
care-party-unknown-help = `party` names the id of the birthday party's activity
care-who-column = the roster { $roster } has no column “{ $column }”
care-who-column-help = its columns: { $columns }
roster-locked = the file is open in Excel or WPS: close it and try again
roster-not-a-spreadsheet = not a spreadsheet, or protected by a password: save it from Excel/WPS as .xlsx (no password) or .csv
roster-no-sheet = there is no sheet “{ $sheet }” (there are: { $sheets })
roster-encoding = neither UTF-8 nor GBK: save it from Excel/WPS as .xlsx or CSV
roster-empty = the roster is empty
roster-no-name-column = no row of the roster has a “姓名” (name) column header (a title row may stand above the headers)
roster-cell = { $header }: `{ $value }` { $what }
roster-no-name = the name is empty
roster-duplicate-key = repeats row { $row }
roster-bad-gender = is not “男” or “女”
roster-bad-date = is not a date
roster-id-check-digit = has a wrong check digit (a digit mistyped?)
roster-id-shape = is not an 18-character ID number
roster-bad-lunar = is not a lunar date (八月十五, 闰四月初八, 腊月三十)
roster-no-retirement-age = this member has no original retirement age or category (干部/工人): no retirement month
roster-warning = { $file } { $cell } { $message }
roster-warning-help = this row is left out of the care lists: correct the roster and build again
roster-warning-retirement-help = fill in 原退休年龄 (50/55) or 身份 (干部, 管理, 专业技术, 工人)
care-visit-count = { $count } members
care-party-count = { $count } members have a birthday this month
care-party-names = ; birthdays: { $names }
care-visit-names = { $count } members: { $names }
care-feed-name = { $name } care (private)
care-sheet-birthdays = Birthdays
care-sheet-retirements = Retirements
care-sheet-problems = Roster problems
care-columns-birthdays = Month|Date|Name|Department|Calendar|Age|Round
care-columns-retirements = Name|Department|Born|Original age|Statutory age|Retires
care-columns-register = No.|Name|Department|Visited on|Visited by|Gift|Signature
care-columns-problems = Cell|Problem|Handling
care-month = month { $month }
care-lunar = lunar
care-gregorian = Gregorian
care-round = round
care-age = { $years } years { $months } months
care-left-out = left out
care-no-retirement = no retirement month
care-private-inside-public = the private folder { $private } is inside the public output folder { $public } (or the other way round): names would be published; refused
care-roster-unreadable = cannot read the member roster (the public calendar is built, the care lists are not): { $why }
care-written = care work: { $members } members, { $count } entries, written to the private folder { $folder } (do not publish it)
plan-birthdays = birthday wishes to the { $count } members with a birthday this month
roster-cell-empty = { $header } is empty
care-name-department = { $name } ({ $department })
care-register-heading = { $title } ({ $date })
start-port-taken = port { $taken } is taken; using { $port }
import-pasted = the pasted notice
start-serving = the union calendar is open: { $url }
start-already = this folder's union calendar is already running: { $url }
start-open-yourself = the browser did not open: copy this address into a browser: { $url }
start-how-to-stop = to stop it, press “退出” on the workbench or close this window (Ctrl+C); it also ends a while after the last workbench page closed.
start-network = a network address: the preview only, no building or editing from the page
start-wrote-starter = wrote a new calendar file { $path }: edit it with “open in Notepad” on the workbench
start-cannot-write = the folder { $folder } cannot be written ({ $error }): put unioncal in a folder under Documents or on the desktop and double-click it there
start-press-enter = press Enter to close this window
workbench-title = Union calendar workbench
workbench-build-heading = Build
workbench-png = long images (WeChat)
workbench-pdf = PDF (print)
workbench-build = Build every file
workbench-open = Open the output folder
workbench-edit = Open in Notepad
workbench-fix = Fix Chinese punctuation
workbench-import-heading = Paste the holiday notice
workbench-import-placeholder = paste the State Council's holiday notice here, then press “Import the notice”
workbench-import = Import the notice
workbench-problems-heading = Errors and warnings
workbench-preview = Preview
workbench-line = line %line%:%column% 
workbench-working = working
workbench-no-problems = no errors
workbench-work = make-up workdays
workbench-has-errors = the calendar has errors and was not built: correct those below first
workbench-built = every file is built, in { $out }
workbench-build-failed = the build did not finish; see the errors below
workbench-imported = the { $year } holiday arrangement is imported; every calendar on this computer uses it
workbench-opened = opened { $path }
workbench-cannot-open = cannot open { $path }: { $error }
cli-about-start = no terminal needed: start or open a calendar, preview it in the browser, build, import the holiday notice, fix Chinese punctuation (what double-clicking unioncal.exe does)
cli-start-folder = the calendar's folder (default: this one); an empty folder gets a new calendar file
cli-start-port = the port (a taken one moves on to the next)
cli-start-bind = the address to listen on; a network address serves the preview only
cli-start-no_open = do not open the browser (the address is printed)
cli-start-home_folder = use the folder 工会日历 in the home folder (made on first use), as the menu entry does
routine-daily = every day
routine-weekly = every { $days }
routine-day-separator = ,{" "}
routine-line = { $days } { $time } { $place }, { $count } times
routine-moved = { $from } moved to { $to }
routine-cancelled = { $date } cancelled
routine-exceptions = {" "}({ $list })
routine-exception-separator = ;{" "}
page-routines = Every week
routine-time = { $from }–{ $to }
routine-weekdays = Mon|Tue|Wed|Thu|Fri|Sat|Sun
roster-not-a-file = not a regular file (a folder, a pipe or a device): `roster` names the roster file
roster-too-big = too large for a roster (over { $megabytes } MB unpacked): save the roster sheet alone as a new file
roster-too-far = { $cell } holds something past what a roster may use ({ $rows } rows, { $columns } columns): delete that cell (or clear its row and column) and save
roster-open-quote = row { $row } opens a quote " that never closes, so every later member would be read into that cell: remove the stray quote, or save the roster from Excel/WPS as .xlsx
roster-duplicate-header = { $first } “{ $first_header }” and { $second } “{ $second_header }” are the same column: delete or rename one of them
roster-cell-too-long = { $header } is longer than { $most } characters, too long for a roster: shorten it
roster-id-number-cell = was stored by Excel as a number (shown as 1.10105E+17) and its last digits are lost: format the column as text and retype the ID numbers
roster-impossible-birth = cannot be a member’s birth date (before 1900 or after today)
roster-warning-dates-help = the member stays in the visits, without a birthday or retirement: correct the birth date and build again
care-no-dates = no birthday or retirement
care-too-many = the care lists would hold { $count } entries, more than the { $most } allowed
care-too-many-visit-help = this visit’s members times its occurrences are too many: narrow `who`, or visit yearly or quarterly
care-too-many-help = the range is too long: build one year at a time (--year), or shorten --from/--to
list-private-json-only = --private goes with --format json only; the care lists as tables are in care.xlsx in the private folder (written by unioncal build)
start-claim-busy = another start keeps claiming this folder: wait a moment and try again
fix-mixed-encoding = line { $line } is in another encoding than the rest (a GBK line in a UTF-8 file); fixing would garble the Chinese, so nothing was changed: retype line { $line } in Notepad and save as UTF-8
slip-more = { $count } more slips of a Chinese input method are not listed one by one (lines { $lines })
slip-more-help = press “修复中文标点” on the workbench to correct them all at once (or run unioncal check --fix { $file })
slip-help-workbench = change { $typed } to { $instead }; or press “修复中文标点” on the workbench to correct every such slip at once
slip-space-help-workbench = delete this full-width space or type a plain one; or press “修复中文标点” on the workbench to correct every such slip at once
slip-more-help-workbench = press “修复中文标点” on the workbench to correct them all at once
provisional-year-help-workbench = when the State Council’s { $year } notice is out, paste it into “粘贴放假通知” on the workbench and press “导入通知”
on-guessed-day-help-workbench = when the notice is out, import it under “粘贴放假通知” on the workbench and look again; or move it to a day no make-up work can touch
change-unmatched-help-workbench = `date` is the day that occurrence was planned for, scheduled on or finally falls on; the preview beside shows every date
notice-nothing-to-extend-help-workbench = first import that year’s notice under “粘贴放假通知”, then this one
holidays-file-unreadable-help-workbench = the path is relative to the calendar file; or drop the file and paste the notice into “粘贴放假通知” on the workbench
cli-idle-exit-range = minutes from 0 to 10080 (0: never)
cli-start-idle_exit = end this many minutes after the last workbench page closed (0: never)
workbench-stop = Quit
workbench-stopped = unioncal has stopped; you may close this page. To use it again, open it from the menu (or double-click unioncal.exe).
import-stdin = standard input
import-old-word = an old Word/WPS document (.doc/.wps) cannot be read: open it in Word or WPS and “Save As” .docx, or paste its text into “导入工作计划” on the workbench
import-pdf = a PDF cannot be read: find the Word file (.docx) it came from, or paste its text into “导入工作计划” on the workbench
import-not-word = this zip is not a Word document: save the plan from Word or WPS as .docx, or as .txt
import-binary = neither text nor a Word document: save the plan from Word or WPS as .docx or .txt
import-empty = the file holds no text
import-too-big = too large for a work plan (at most { $lines } lines): keep the year’s plan alone and try again
import-exists = { $path } exists and was kept: name another file with --out
import-wrote = wrote the draft { $path }: { $items } activities, { $dated } of them dated, { $review } marked for review. Check each before building
import-nothing-dated = no activity of the plan names its day: the draft holds month and year tasks; add their days
import-draft-head = a draft from the work plan: each activity has the plan’s line above it; those marked for review are guesses
import-draft-line = the plan’s line { $line }: { $text }
import-draft-review = review: the day is a guess
import-draft-year-task = a task of the whole year, no month given: put in December for now
import-draft-name = the union
cli-init-from = draft the calendar from the year’s plan as written: .docx, .txt, or - for standard input
cli-init-year = the plan’s year
cli-init-out = where to write the draft
cli-init-format = json: print what was read, write no file
workbench-plan-heading = Import the work plan
workbench-plan-placeholder = paste the year’s work plan here, or choose its Word file below, then press “读取计划”
workbench-plan-file = or choose its Word file (.docx):
workbench-plan-read = Read the plan
workbench-plan-save = Write the calendar
workbench-plan-review = review
workbench-plan-months =  (months)
workbench-plan-saved = wrote the plan’s { $items } activities to { $path } (the former calendar kept as { $backup }): check each; those marked for review are guesses
roster-mixed-encoding = row { $row } is in another encoding than the rest (a GBK line in a UTF-8 file), and names would come out garbled: save the roster from Excel/WPS as .xlsx, or retype that row
import-mixed-encoding = line { $line } is in another encoding than the rest (a GBK line in a UTF-8 file): retype it in Notepad and save as UTF-8, or paste the whole plan on the workbench
rule-date = every year on { $month }/{ $day }
rule-once = on { $year }-{ $month }-{ $day }
rule-lunar = lunar { $month } { $day }
rule-holiday = first day off of { $name }
rule-each-month = every month
rule-these-months = in months { $months },
rule-every-weeks = every { $n } weeks on { $days }
rule-monthly-day = { $each } on day { $day }
rule-monthly-nth = { $each } on the { $n } { $day }
rule-monthly-last = { $each } on the last { $day }
rule-month-task = during months { $months }
rule-rrule = custom rule { $rule }
rule-before-days = { $n } days before { $anchor }
rule-after-days = { $n } days after { $anchor }
rule-before-workdays = { $n } working days before { $anchor }
rule-after-workdays = working day { $n } after { $anchor }
rule-offset = { $anchor } ({ $offset })
rule-with-changes = {" "}(with days added, dropped or changed)
edit-unreadable = the calendar file has a mistake, so the form cannot change it yet: { $error }. Press “Check and build” to see the line, fix it, then use the form
edit-events-not-tables = the activities are not written as [[events]] tables, so the form cannot change them: press “Open in Notepad”
edit-title-empty = give the activity a name
edit-kind-unknown = unknown kind of day “{ $kind }”: choose it again under “When”
edit-not-found = the calendar has no activity with id “{ $id }” (perhaps removed elsewhere): refresh the list and try again
edit-stale = the calendar file was changed elsewhere (perhaps it is open in Notepad). Nothing was saved, so that change is not lost: refresh the list and make your change again
edit-other = this activity uses rules the form cannot show (an rrule, also/except, single changes, a start or end): press “Open in Notepad”
edit-refused = saved like this the calendar would have an error, so the file was not changed: { $error }
edit-saved = saved “{ $title }” (the former file kept as { $backup })
edit-deleted = removed “{ $title }” (the former file kept as { $backup })
edit-bad-request = the form’s content cannot be read: { $error }
form-heading = Activities
form-new = + New activity
form-refresh = Refresh
form-title = Name
form-when = When
form-kind-date = a date
form-kind-lunar = a lunar date
form-kind-festival = a festival or statutory holiday
form-kind-term = a solar term or 三伏
form-kind-weekly = weekdays every week
form-kind-monthly-nth = nth weekday of the month
form-kind-monthly-day = a day of the month
form-kind-month-task = a task within months (no fixed day)
form-every-year = every year
form-shift = earlier or later
form-same-day = on the day
form-before = before
form-after = after
form-days = days
form-workdays = working days
form-every-weeks = every how many weeks
form-nths = 1st|2nd|3rd|4th|5th|last
form-months = only in these months (none: every month)
form-task-months = in which months
form-holiday-group = statutory holidays (first day off)
form-festival-group = festivals and days
form-all-day = all day
form-from = from
form-to = to
form-place = Place
form-organizer = Organizer
form-category = Category
form-category-none = none
form-audience = Who takes part
form-save = Save
form-delete = Delete
form-cancel = Cancel
form-next = Next:
form-no-next = not again in the rest of the year
form-next-day = { $date } { $weekday }
form-confirm-delete = Delete “%title%”? The former file is kept as .bak
form-next-label = next
form-none = No activities yet: press “+ New activity”
form-month-suffix = {""}
rule-workdays-only = {" "}(working days only)
form-workdays-only = working days only (not on weekends or days off)
rule-nths = 1st|2nd|3rd|4th|5th
form-problem-at = { $file } line { $line }:{" "}
form-problem-help = {" "}({ $help })
start-home-folder = 工会日历
start-no-home = no home folder (HOME is not set): name the calendar's folder on the command line
form-inherited = {" "}(the default, kept when left empty)
