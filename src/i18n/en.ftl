## Store

store-locked = the store { $path } is open in another otchet process. Wait for it to finish or work through it.
store-open-failed = cannot open the store { $path }: { $detail }
store-corrupt = the store { $path } is damaged ({ $tree }: { $detail }). Restore it from a backup: otchet restore FILE --db NEW_DIR
store-newer-schema = the store { $path } was written by a newer otchet (format { $found }, this version reads { $supported }). Upgrade otchet; the store was not changed.
store-newer-record = the store { $path } holds a record written by a newer otchet ({ $tree }: { $detail }). Upgrade otchet; the store was not changed.
store-tree-meta = bookkeeping records
store-tree-plans = plans
store-tree-items = plan items
store-tree-periods = reporting periods
store-tree-entries = entries
store-tree-history = edit history
store-tree-drafts = drafts
store-tree-settings = settings
store-tree-users = users
store-tree-reviews = reviews
store-tree-texts = execution texts
store-tree-undo = undo journal
store-write-failed = cannot write to the store: { $detail }
store-plan-mismatch = the store already holds a plan for { $years } of another organisation or act: “{ $stored }”; the file has “{ $imported }”. Use a separate store (--db) for another plan.
store-plan-years-unknown = the plan document does not name its years (e.g. “на 2021–2024 годы” in its title): give them when importing, otchet import FILE --years 2021-2024
store-plan-overlap = the document’s years ({ $years }) fall into several plans of the store; import it into a separate store (--db)
years-one = { $year }
years-span = { $first }–{ $last }
store-periods-outside-years = the plan’s new years ({ $years }) leave out its periods: { $periods }
store-years-taken = another plan of the store already covers { $years }
store-unknown-plan = the store has no plan of { $id }
store-no-plan-for = the period { $period } is outside every plan’s years (otchet plan show)
store-other-plan = the period { $from } belongs to another plan than { $to }: texts are carried over within one plan only
store-period-touched = the period { $period } has changes already (item { $point }): it cannot be closed; nothing was removed
store-period-drafted = the period { $period } holds staff’s drafts: it cannot be closed; nothing was removed
store-unknown-period = the store has no period { $period }
store-unknown-item = the plan has no item { $point }
store-sled-corruption = sled: damaged data
store-sled-corruption-at = sled: damaged data (byte { $at } of its log)
store-sled-unsupported = sled does not recognise its settings file conf
store-sled-failed = sled could not read its files
store-lost-commits = the files hold { $held } of the store's { $expected } commits
store-bad-key = a bad record key { $key }
store-no-records = the files hold no records
store-no-schema = no format number in a store that holds data
store-unknown-schema = an unknown store format number { $version }
store-newer-format = “{ $name }” records of format { $found }, and this version reads { $supported }
store-unknown-format = “{ $name }” records of format { $found }, which this version does not know
store-manifest-too-big = over { $bytes } bytes: not a file of otchet's

## Import

import-error = { $file }: { $problem }
import-error-at-line = { $file }: line { $line }: { $problem }
import-unreadable = cannot read the file: { $detail }
import-not-a-file-dir = this is a folder, not a report file
import-not-a-file-fifo = this is a pipe (FIFO), not a file: only regular files are imported
import-not-a-file-device = this is a device, not a file: only regular files are imported
import-not-a-file = this is not a regular file: only regular files are imported
import-too-large = the file is too large: { $mib } MiB, and files up to { $limit } MiB are imported (the import_max_mib setting)
import-empty = the file is empty
import-binary = the file does not look like a text report (binary data or an unknown encoding; UTF-8, UTF-16 with BOM and windows-1251 are supported)
import-unknown-period = cannot read the reporting period “{ $text }”; expected e.g. “I квартал 2020 года”, “I полугодие 2020 года”, “9 месяцев 2020 года” or “2020 год”
import-no-table = no plan table found: expected a row of column captions (“№ п/п”, “Наименование мероприятия”, “Срок исполнения” …)
import-no-period = the table has a report's columns, but no reporting period was found (a line like “I квартал 2022 года” captioned “(отчетный период)” above the table)
import-missing-columns = the table has { $count } { $count ->
    [one] column
   *[other] columns
}: { $found }; { $missing }
import-missing-title = no column of the measure’s title was found
import-missing-deadline = no column of the deadline was found
import-missing-both = no columns of the measure’s title and of the deadline were found
import-row-cells = a table row has { $found } { $found ->
    [one] cell
   *[other] cells
}, and the table has { $expected } { $expected ->
    [one] column
   *[other] columns
}
import-duplicate-point = item { $point } appears twice (first on line { $first })
import-no-items = the table holds no plan items
import-bad-docx = the file cannot be read as a Word document (.docx): { $detail }
import-bad-json = the file cannot be read as an otchet JSON export: { $detail }
json-unreadable = the file cannot be read
json-syntax-at = line { $line }, column { $column }: this is not JSON (a syntax error, or the file is cut short)
json-shape = the data is not shaped like an otchet export
json-shape-at = line { $line }, column { $column }: the data is not shaped like an otchet export
zip-invalid = the archive is damaged or cut short
zip-unsupported = the archive is in a form otchet does not read (encrypted, or compressed otherwise)
xml-malformed = the XML markup is broken
xml-not-utf8 = the document's text is not UTF-8

## Access and protocol

access-not-a-user = user { $name } has no access to this store. Ask an admin to run: otchet users add { $name } --role editor
access-read-only = user { $name } has role “{ $role }”: read only, changes cannot be saved
access-admin-only = user { $name } has role “{ $role }”: only an admin may do this
api-bad-request = bad request: { $detail }
proto-version-mismatch = client version { $client }, server version { $server } ({ $program }): upgrade otchet or restart the server (otchet serve --stop) so both run one version
client-connection-failed = no connection to the otchet server: { $detail }
client-timeout = the otchet server did not answer within { $secs } s (stuck or overloaded?); it will be reconnected
client-unexpected-response = the otchet server sent an unexpected answer (different program versions?)

## Configuration

config-error = error in the settings file { $file }: { $detail }
config-bad-lang = unknown language “{ $value }” (allowed: ru, en)
config-bad-cache = cache_mib = { $value }: the store cache must be 1 to { $max } MiB
config-bad-import-max = import_max_mib = { $value }: the largest file to import must be 1 to { $max } MiB
config-place = { $file }, line { $line }
config-unknown-field = line { $line }: unknown setting “{ $name }” (every setting is in docs/config.example.toml)
config-syntax = line { $line }: { $detail }

## Command line

cli-about = otchet — the report on a municipal anti-corruption plan. Without a command it opens the terminal UI.
cli-help-template =
    {"{"}about{"}"}

    Usage: {"{"}usage{"}"}

    {"{"}all-args{"}"}
cli-options = Options
cli-commands = Commands
cli-command = COMMAND
cli-help-flag = show this help
cli-version = show the program's version
cli-dir = DIR
cli-file = FILE
cli-date = DATE
cli-db = the store's folder (default: $OTCHET_DB, then db from the settings file, then ~/.local/share/otchet)
cli-lang = interface language: ru (default) or en
cli-demo = open the interface on a throwaway store holding the sample report
cli-period = reporting period: 2020-Q1 … 2020-Q4, 2020-H1, 2020-9M, 2020 (default: the store's latest)
cli-import-file = the report file
cli-status = show the state of the plan's items in a period
cli-as-of = the date deadlines are counted on, DD.MM.YYYY or YYYY-MM-DD (default: the period's report date when set, else today)
cli-json = print the result as JSON
cli-mine = only the items you answer for (otchet users add NAME --responsible …)
cli-responsible = only the items whose responsible include this text
status-mine-unlinked = the user { $name } is linked to no responsible name of the plan: an admin links them so: otchet users add { $name } --role { $role } --responsible "Отдел кадров"
status-review-counts = ready: { $ready } · accepted: { $accepted }
cli-bad-lang = unknown language “{ $value }” (allowed: ru, en)
cli-bad-period = bad period “{ $value }”: expected 2020-Q1 … 2020-Q4, 2020-H1, 2020-9M or 2020
cli-bad-date = bad date “{ $value }”: expected DD.MM.YYYY or YYYY-MM-DD, e.g. 13.04.2020, with a four-digit year
cli-no-store = there is no store in { $path }: check --db and OTCHET_DB, or create one with “otchet import FILE” or “otchet restore FILE”
cli-no-store-path = cannot tell where the store is: give --db DIR or set OTCHET_DB
cli-unknown-server-user = [server] user = "{ $name }" in the settings: no such user on this system

## import command

import-done = { $file }: period { $period }, { $items ->
    [one] { $items } item
   *[other] { $items } items
} in the report; items added: { $added }, updated: { $updated }, entries changed: { $entries }
import-unchanged = { $file }: period { $period } is already loaded, nothing changed
import-edited-kept = { $n ->
    [one] the text of item { $points } was edited in the program since and is kept
   *[other] the texts of items { $points } were edited in the program since and are kept
} (to take the file’s: otchet import FILE --replace-edited)
cli-import-replace-edited = let the file’s texts replace even those edited in the program since
import-kept = stored texts that empty cells of the file did not erase: { $n }

## status command

status-no-period = the plan for { $years } has no reporting period yet; open the first: otchet period open { $period }
status-empty-store = the store { $path } is empty: load a report with otchet import FILE
status-heading = { $period } ({ $id }), as of { $date }: { $items ->
    [one] { $items } item
   *[other] { $items } items
}
status-counts = overdue: { $overdue } · no result: { $no_result } · due soon: { $due_soon } · done: { $done }
status-overdue-list = Overdue ({ $n })
status-no-result-list = No result ({ $n })
status-due = due { $date }
status-missed = overdue since { $date }
cli-usage-main = otchet [OPTIONS] [COMMAND]
cli-usage-import = otchet import [OPTIONS] FILE
cli-usage-status = otchet status [OPTIONS]
cli-unknown-argument = unknown option “{ $arg }”
cli-unknown-command = unknown command “{ $arg }”
cli-missing-argument = a required argument is missing: { $arg }
cli-invalid-value = bad value “{ $value }” for { $arg }
cli-argument-conflict = { $arg } cannot be used with the other options given
cli-unexpected-value = unexpected value “{ $value }”
cli-try-help = More: otchet --help
store-not-empty = the store { $path } is not empty: a full export loads only into an empty store (give a new folder: --db NEW_DIR)
store-newer-dump = the export was made by a newer otchet (format { $found }, this version reads { $supported }); upgrade otchet

## TUI: commands (the help screen lists them)

cmd-quit = quit
cmd-help = help
cmd-save = save the item
cmd-next-pane = next pane
cmd-prev-pane = previous pane
cmd-down = down
cmd-up = up
cmd-page-down = page down
cmd-page-up = page up
cmd-first = first item
cmd-last = last item
cmd-edit = edit the execution text
cmd-search = search titles and texts
cmd-clear-search = clear search and filter
cmd-cycle-filter = filter: all, overdue, no result, due soon, not done
cmd-next-flagged = next flagged item
cmd-prev-flagged = previous flagged item
cmd-pick-period = pick the reporting period
cmd-set-as-of = the date deadlines are counted on
cmd-external-editor = open the text in an external editor ($VISUAL, $EDITOR)
cmd-pick-assessment = assessment no. { $n } from the list
cmd-set-schedule = set the item's deadline by hand
cmd-copy-previous = insert the previous period's text
cmd-export = export the report to a file
cmd-history = the item's history
cmd-stop-editing = stop editing (the text is kept as a draft)
cmd-undo = undo
cmd-redo = redo
cmd-prev-assessment = previous assessment from the list
cmd-next-assessment = next assessment from the list
cmd-confirm = choose
cmd-cancel = cancel
cmd-save-and-quit = save and quit
cmd-quit-keeping-draft = quit, keeping a draft
cmd-discard-draft = delete the draft
cmd-open-next-period = open the next period
cmd-keep-mine = keep my text
cmd-take-theirs = take their text
cmd-edit-merge = merge by hand
cmd-import-file = load a report file
cmd-load-sample = load the sample (Serov, Q1 2020)
cmd-messages = every message (the log)
cmd-retry = try again

pane-global = Everywhere
pane-list = Item list
pane-editor = Execution text
pane-assessment = Assessment
pane-help = Help
pane-quit = Quit
pane-period = Period
pane-draft = Draft
pane-conflict = Conflicting change
pane-history = History
pane-welcome = Getting started
pane-start = Loading
pane-info-title = Execution text
pane-text-loading = loading the text…
pane-assessment-title = Assessment
pane-assessment-hint = 1–{ $n } in the list, ↑↓ here

keys-unknown-pane = unknown pane “{ $pane }” in [keys]
keys-unknown-command = unknown command “{ $command }” in [keys.{ $pane }]
keys-unknown-key = unknown key “{ $key }” (e.g. j, E, ctrl-s, shift-tab, F1, PageDown)
keys-conflict = the key { $key } in [keys.{ $pane }] is bound to two commands: “{ $first }” and “{ $second }”
keys-error = { $place }: { $problem }
theme-unknown-color = unknown colour “{ $value }” (the 16 ANSI colours: red, lightred, yellow, …)
theme-unknown-role = unknown element “{ $role }” in [colors] (allowed: overdue, no_result, due_soon, done, border_focused, error)

editor-info-placeholder = Describe what was done in the period…
editor-assessment-placeholder = Pick an assessment with 1–4 or type your own

## TUI: messages

tui-read-only = read only: you may not change entries
tui-no-more-flagged = no more flagged items
tui-paste-into-editor = paste goes into a text: press Enter to start editing
tui-nothing-to-save = nothing changed
tui-no-such-assessment = there is no assessment no. { $n } in the list
tui-assessment-picked = assessment: { $text } (Ctrl-S saves)
tui-no-previous-period = this period has no previous one
tui-draft-restored = draft restored; Ctrl-S saves, Ctrl-Z undoes
tui-took-theirs = took the other user's text
tui-merge-text =
    { $mine }

    ——— text by { $who } ———
    { $theirs }
tui-merge-marker-left = the separator line “{ $line }” is still in the text: remove it and save again
tui-merge-hint = merge the texts, delete what is not needed and the “———” line, save: { $key }
tui-admin-only = only an admin may do this
tui-no-next-period = there is no next period this year
tui-as-of-report-date = deadlines are counted as of the period’s report date
tui-as-of-today = deadlines are counted as of today
tui-bad-date = bad date “{ $value }”: type DD.MM.YYYY, e.g. 13.04.2020
tui-schedule-not-understood = not understood; e.g. “ежеквартально”, “до 01.12.2020”, “ежеквартально, до 05 числа месяца, следующего за отчетным периодом”, “по мере необходимости”
tui-bad-format = unknown format “{ $value }”; there are: { $formats }
tui-saved = item { $point } saved
tui-restored = item { $point }: the earlier text is back and saved for everyone
tui-restore-conflict = the item was changed while its history was open; open the history again
tui-conflict-elsewhere = item { $point } was changed before your save: their text stays, yours is kept as a draft
tui-server-silent-at-exit = the server did not answer before the program quit
tui-saving = saving…
log-title = Messages
log-empty = no messages yet
error-title = Error
status-error-hint = Esc, Enter — hide · { $key } — every message
status-error-hint-close = Esc, Enter — hide
tui-load-failed = The plan could not be loaded
tui-load-failed-hint = Check that the store is reachable and its server runs (otchet status tells what is wrong), then try again.
tui-imported = period { $period } loaded; new items: { $items }
tui-copied-previous = inserted the previous period's text (Ctrl-Z undoes)
tui-previous-empty = the previous period has no text for this item
tui-folder-unreadable = cannot read the folder { $path }: { $detail }
tui-completion-choices = choices: { $list }
tui-completion-more = and { $n } more
tui-exported = report exported: { $path }
tui-changed-elsewhere = { $who } changed this item while you edited it; saving will offer to merge
tui-too-small = the terminal is too small (80×24 needed, now { $width }×{ $height })
tui-loading = loading…

schedule-none = the plan gives no deadline — set it by hand (s)
schedule-unknown = deadline not understood — set it by hand (s)
schedule-fixed = by: { $dates }
schedule-monthly = monthly: { $dates }
schedule-quarterly = quarterly: { $dates }
schedule-half-yearly = half-yearly: { $dates }
schedule-yearly = yearly: { $dates }
schedule-continuous = throughout the year, until { $dates }
schedule-labelled = for { $quarter ->
    [4] the year
   *[other] Q{ $quarter }
}: { $dates }
schedule-during-year = during { $year }
schedule-during = during { $first }–{ $last }
schedule-partial = { $schedule }; understood in part, not understood: “{ $rest }”
detail-outside-plan = outside the plan's years: { $years }
schedule-event = on an event, no date
schedule-hand-set = set by hand: { $schedule }

due-today = today
due-in = in { $days } { $days ->
    [one] day
   *[other] days
}
due-ago = overdue by { $days } { $days ->
    [one] day
   *[other] days
}

list-title-all = Plan items: { $n }
list-title-overdue = Overdue: { $n }
list-title-no-result = No result: { $n }
list-title-due-soon = Due soon: { $n }
list-title-carried = Carried over: { $n }
list-title-ready = Ready for review: { $n }
list-title-mine = My items: { $n }
list-title-drafts = Drafts: { $n }
list-title-not-done = Not done: { $n }
list-title-search = Search “{ $search }”: { $n }
list-empty = no items: { $clear } clears the search and the filter, { $filter } changes the filter

detail-deadline = Deadline: { $text }
detail-understood = Understood: { $text }
detail-nearest = Nearest due date: { $date }, { $relative }
detail-changed = changed: { $who }, { $when }
detail-editing = being edited by: { $who }
detail-draft = you have a draft ({ $when }; Enter opens it)

flag-overdue = overdue
flag-no-result = no result
flag-due-soon = due soon
flag-done = done

save-state-saved = saved
save-state-modified = ● not saved
save-state-draft = ● in a draft
status-help = { $key } help
status-demo = DEMO (the sample, nothing is kept)
status-as-of = as of { $date }
count-overdue = { $n } overdue
count-no-result = { $n } without result
count-due-soon = { $n } due soon
count-done = { $n } done
count-ready = ready { $n }
count-accepted = accepted { $n }
count-carried = carried over { $n }
status-as-of-report = as of { $date } (report date)
count-total = { $n } { $n ->
    [one] item
   *[other] items
} in all
count-loading = { $n } { $n ->
    [one] item
   *[other] items
} so far, the list is still loading…

help-title = Help
help-marks = Marks in the list
help-mark-draft = you have an unsaved draft
help-mark-editing = another user is editing the item now
help-typing = Typing, arrows, Home/End, PgUp/PgDn, Backspace, Delete work as usual
quit-title = Quit
draft-title = Draft
draft-offer = You have an unsaved draft of this item ({ $when }). Continue from it?
conflict-title = Another user changed this item
conflict-title-self = You changed this item in another window
conflict-mine = My text
conflict-theirs = Text by { $who }, { $when }
history-title = History
history-line = No. { $revision } · { $who } · { $when }
period-title = Reporting period
prompt-search = Search (case and ё/е do not matter)
prompt-as-of = The date deadlines are counted on
prompt-as-of-hint = DD.MM.YYYY; empty for today
prompt-responsible = Who answers for the item
prompt-responsible-hint = as the plan writes them, separated by “;”. Empty clears them. Enter saves, Esc cancels
cmd-set-responsible = change who answers for the item (admin)
detail-more = { $n ->
    [one] { $n } more line below
   *[other] { $n } more lines below
}
detail-responsible = Responsible: { $text }
waiting-title = The plan is loaded
waiting-plan = The plan for { $years }: { $items ->
    [one] { $items } item
   *[other] { $items } items
}. It has no reporting period yet.
waiting-open = Open the period “{ $period }” ({ $id })? An admin opens periods; then the report’s texts go in.
cmd-open-first-period = open this period
cmd-earlier-period = a quarter earlier
cmd-later-period = a quarter later
open-period-title = A new reporting period
open-period-question = Open the period “{ $period }” ({ $id }) for all staff? From then on the program and otchet status show it by default.
open-period-carry = carry over the texts of “{ $from }” (reports are cumulative); they will be marked as carried over
open-period-empty = The items’ texts will start empty.
close-period-title = Take back a period
close-period-question = Take back the period “{ $period }” ({ $id })?
close-period-note = Only while nothing in it has changed: carried-over texts go with it; if anything was edited, the program refuses and removes nothing.
open-period-yes = open it for everyone
close-period-yes = take it back
confirm-anything-else = any other key cancels
cmd-close-period = take back a period opened by mistake
cmd-toggle-carry-over = carry the texts over or not
pane-confirm = Question
summary-title = Who owes what: { $period }
summary-who = Responsible
summary-items = items
summary-no-result = no result
summary-overdue = overdue
summary-ready = ready
summary-accepted = accepted
cmd-mark-ready = mark the item ready (or open again)
cmd-accept = accept the item (admin)
cmd-send-back = send the item back to open (admin)
cmd-confirm-carried = keep the carried-over text as it is
cmd-summary = summary: who owes what
cmd-go-to-drafts = to the drafts
tui-review-save-first = save the item’s text first (Ctrl-S)
tui-review-accepted-is-admins = the item is accepted: an admin can send it back
tui-not-carried = this item’s text was not carried over from the last period
tui-drafts-in = { $period }: { $n }
tui-drafts-elsewhere = Your drafts wait in other periods ({ $places }); { $key } goes there
cli-review = an item’s state in a period: open, ready, accepted (accepting is an admin’s)
cli-usage-review = otchet review POINT [--period ID] open|ready|accepted
cli-review-state = open, ready or accepted
review-set = item { $point } in { $period }: { $state }
tui-period-opened = opened the period “{ $period }”; texts carried over: { $n }
tui-period-was-open = the period “{ $period }” was open already
tui-period-closed = the period was taken back
draft-just-now = just now
tui-import-edited-kept = texts edited in the program kept: { $points }
key-space = Space
cmd-quit-discarding = quit, throwing the unsaved text away
cmd-discard-changes = throw away the item’s unsaved text (back to the saved one)
tui-discarded = the unsaved text was thrown away; the saved one is shown
tui-nothing-to-discard = there is no unsaved text
discard-title = Throw away the changes
discard-question = Throw away the unsaved text of item { $point } and its draft? The saved text comes back.
discard-yes = throw away
restore-title = Bring an older text back
restore-question = Bring back revision { $revision } ({ $who }, { $when }) as the text of item { $point }? It becomes the current text for everyone; the present one stays in the history.
restore-yes = bring it back for everyone
quit-unsaved-item = Item { $point } («{ $title }») has unsaved text. What should happen to it before quitting?
history-restore-hint = bring this text back (for everyone, after a question)
cmd-next-match = to the next item found
cmd-prev-match = to the previous item found
cmd-go-to = to an item by its number (: then the number, Enter)
tui-no-search = no search: / then a text
tui-no-such-point = the plan has no item { $point }
prompt-go-to = To item number
help-mark-carried = the text was carried over and not looked at yet (v)
help-mark-ready = the author marked the item ready (d)
help-mark-accepted = the coordinator accepted the item (A)
help-assessments = a standard assessment by its number ({ $n } of them)
help-hint = { $close } closes · { $down } { $up } PgDn PgUp Home End scroll
help-more = more below ↓
help-mark-not-done = assessed, not done («не выполнено», «выполнено частично»)
prompt-schedule = The item's deadline (by hand)
prompt-schedule-hint = e.g. “ежеквартально”, “до 01.12.2020”, “по мере необходимости”; empty: from the document's text
prompt-export-format = Export format
prompt-export-format-hint = { $formats } (PDF: from the docx in Word or LibreOffice)
prompt-export-path-hint = the full path can be edited; Tab completes a folder or file name; a name alone goes into the documents folder
prompt-export-path = File
welcome-title = otchet
welcome-text = The store is empty. Load a report (Word's plain-text export of the table) or the sample to see how the program works.
welcome-path = File path (Tab completes, Enter loads, Esc cancels):

## Documents in and out (import of .docx and JSON, export)

import-error-at-row = { $file }: table row { $row }: { $problem }
import-duplicate-point-row = item { $point } appears twice (first in table row { $first })
import-item-numbers = the first cells of a row must hold the item numbers (e.g. “5.” and “5.1”), and they hold “{ $seq }” and “{ $point }”
import-docx-not-zip = the file is named as a Word document (.docx) but is not one: it is not a zip archive ({ $detail })
import-docx-no-document = the archive has no Word main part (word/document.xml): it is not a .docx document
import-docx-too-large = the Word document's main part is larger than { $limit } MB: this does not look like a report
import-docx-xml = the Word document is damaged (word/document.xml): { $detail }
import-old-word = this is an old-format Word document (.doc) or another Microsoft Office file; open it in Word or LibreOffice and save it as .docx
import-dump-done = { $file }: the full export is loaded into the store; plans: { $plans }, periods: { $periods }, items: { $items }
cli-import-formats = load a report: Word's plain-text export of the table (UTF-8, UTF-8 with BOM, windows-1251; LF or CRLF), a Word document (.docx), or an otchet JSON export (into an empty store only)
cli-export = write a period's report to a file (docx, xlsx, html, csv, txt) or the whole store as JSON
cli-usage-export = otchet export [OPTIONS] --format FORMAT --output FILE
cli-export-as-of = the date the marks of xlsx and csv are worked out for (default: the period's report date, else today)
cli-csv-delimiter = the csv's field separator (default “;”, as Russian Excel expects; “,” for the rest)
cli-char = CHAR
cli-bad-csv-delimiter = “{ $value }” cannot separate csv fields: one character, not a quote
cli-export-format = format: docx — the official form, xlsx — an Excel workbook of the same form, html — a page for the site, csv — a table for Excel, txt — Word's text export, json — the whole store (backup)
cli-export-output = the file to write (written whole or not at all)
cli-bad-format = unknown format “{ $value }”; there are: { $formats }
export-format-docx = docx — the official report form (Word)
export-format-html = html — a page for the administration's site
export-format-csv = csv — a table for Excel
export-format-txt = txt — the table as Word's plain-text export
export-format-json = json — the whole store: plans, periods, entries and their history (backup)
export-needs-store = the { $format } format writes the whole store, not one period
export-needs-period = the { $format } format writes one period, not the whole store
export-encode-failed = cannot build the { $format } file: { $detail }
export-write-failed = cannot write the file { $path }: { $detail }
export-done = { $file }: the report for { $period } is written as { $format }, { $items ->
    [one] { $items } item
   *[other] { $items } items
}
export-dump-done = { $file }: the store is written as JSON; plans: { $plans }, periods: { $periods }

## Server (otchet serve) and its clients

cli-serve = the store's server: the one process that opens the store; clients start it themselves, systemd runs it in the foreground
cli-usage-serve = otchet serve [OPTIONS]
cli-seconds = SECONDS
cli-idle-timeout = seconds without clients after which the server exits (0 = never; default: idle_timeout_secs from the settings, 600)
cli-serve-stop = stop the running server of this store (after the requests in progress)
serve-bad-idle-timeout = OTCHET_IDLE_TIMEOUT = “{ $value }”: expected a number of seconds
serve-stopped = the server stopped and closed the store
serve-not-running = no server of this store is running
serve-stop-refused = the server refused to stop
serve-stop-slow = the server did not finish within { $secs } s; see its log
serve-world-writable = the store folder { $path } is writable by every user: the server will not serve it. Remove the write permission for others: chmod o-w { $path } (the set-up for a staff group is in docs/server.md)
serve-not-owner = the store { $path } belongs to { $owner }: only they start its server (sudo -u { $owner } otchet serve --db { $path }) or the service does (sudo systemctl start otchet); otherwise files of another user would be left in its folder
serve-group-writable = the group's members may write in the store folder { $path } (mode { $mode }): any of them could delete or replace the store's files, so the server will not serve it. Remove the group's write permission: chmod g-w { $path } (members only need to enter the folder; they reach the server through its socket)
serve-already-running = a server of this store is already running (socket { $socket })
serve-socket-failed = cannot open the socket { $socket }: { $detail }
serve-socket-not-socket = a file, folder or link, not a socket, is already at this path; otchet does not remove it: move it away or set another [server] socket
serve-failed = the otchet server cannot run: { $detail }
server-log-import-taken-back = an import was cut short (the server stopped during it): what it wrote was taken back, the store is as before it; import the file again
server-log-open-period-taken-back = opening a period with its texts carried over was cut short (the server stopped during it): what was carried was taken back, the period is not open; open it again
server-log-close-period-taken-back = taking back a period opened by mistake was cut short (the server stopped during it): the period is restored as it was; take it back again
server-log-rendered-unreadable = the items of period { $period } kept for status --json cannot be read ({ $error }): they are read from the store and will be kept anew
server-log-rendered-short = the file is shorter than it was written
server-log-started = server started, socket { $socket }
server-log-exit-stopped = stopping on request
server-log-exit-idle = no clients for the idle time: exiting
server-log-exit-store-gone = the store folder was deleted: exiting
server-log-accept-failed = cannot accept a connection: { $detail }
server-log-peer-unknown = cannot tell the user of a connection: { $detail }
server-log-connection-dropped = connection of { $name } closed: { $detail }
frame-closed = connection closed
frame-too-large = a message of { $bytes } bytes, more than this user may send
frame-malformed = a damaged message
frame-out-of-place = a message out of place in the conversation (not an otchet client?)
frame-version = protocol version { $protocol }, the server speaks { $ours }
server-log-slow-client = { $name } does not read notifications (64 already queued): connection closed
server-log-over-cap = a connection of { $name } was refused: they hold { $per_user } connections or the server { $total } (refused since start: { $count })
server-log-refused = connection of { $name } refused: { $detail }
server-log-stop-asked = { $name } stops the server
server-log-stop-refused = { $name } tried to stop the server without admin rights
server-log-event-failed = cannot send a notification: { $detail }
client-socket-failed = no access to the server's socket { $socket }: { $detail }
client-no-server = no server is running (socket { $socket })
client-server-impostor = a process of user { $user } answers on the socket { $socket }, not the server of the store's owner ({ $owner }): nothing was sent. Tell the server's administrator; the server's service user can be set in the settings: [server] user = "…"
client-socket-dir-unsafe = the socket's folder { $folder } (owner { $user }, mode { $mode }) can be tampered with by other users: nothing was sent. Set [server] socket in the settings to a closed folder
client-socket-link = a symbolic link stands where the socket { $socket } should be: it may lead to the server of another store; nothing was sent. Remove it
client-not-owner-start = the server of the store { $store } is not running, and only the store's owner ({ $owner }) may start it: sudo systemctl start otchet or sudo -u { $owner } otchet serve --db { $store }
client-store-dir-failed = cannot create the store folder { $path }: { $detail }
client-lock-failed = cannot take the lock file { $path }: { $detail }
client-log-failed = cannot open the server's log { $path }: { $detail }
client-start-failed = cannot start the server ({ $program }): { $detail }
client-server-failed = the server did not start: { $detail }
client-server-silent = the server did not answer within { $secs } s; its log: { $log }
client-server-closed = the server closed the connection (stopped or restarted?); run the command again
client-frame-too-large = the message is too large ({ $bytes } bytes)
client-bad-frame = the server sent damaged data: { $detail }
codec-truncated = a record ends too soon
codec-wrong-kind = a record of the wrong kind came
codec-future-version = a record in format { $version }; this program knows formats up to { $supported } only: update it
codec-unknown-version = a record of unknown format { $version }
codec-malformed = a record cannot be read
codec-trailing-bytes = extra bytes after a record ({ $n })

## users command

cli-users = who may use the store, with which role: admin (import, periods, users, export), editor (edit), viewer (read)
cli-usage-users = otchet users add NAME --role ROLE | remove NAME | list
cli-users-add = let a user in, or change their role
cli-usage-users-add = otchet users add NAME --role admin|editor|viewer [--responsible TEXT …]
cli-users-remove = take a user's access away
cli-usage-users-remove = otchet users remove NAME
cli-users-list = list the users with access
cli-usage-users-list = otchet users list
cli-user-name = NAME
cli-user-name-help = the user's login name on this system, or their uid
cli-users-role = role: admin, editor or viewer
users-uid = uid { $uid }
cli-users-responsible = a responsible name of the plan the user answers for (“Отдел кадров”); may be given more than once
users-responsible = answers for: { $names }
cli-text = TEXT
users-unknown-login = this system has no user “{ $name }”
users-added = { $name }: role “{ $role }”
users-removed = { $name } no longer has access to the store
users-not-a-user = { $name } has no access to the store anyway

## history command

cli-history = the history of an item's texts in a period: who saved what, and when
cli-usage-history = otchet history POINT [OPTIONS]
cli-point = POINT
cli-history-point = the plan's point number as the document writes it: 70, 5.1
history-no-item = the plan has no point { $point } (period { $period })
history-heading = Point { $point } “{ $title }”, { $period }: { $n ->
    [one] { $n } revision
   *[other] { $n } revisions
}
history-revision = revision { $n } · { $when } · { $by } · { $source }
history-source-carried = carried over from { $from }
history-review = { $from } → { $to }
history-carried-confirmed = the carried-over text confirmed as it is
history-review-line = { $when }, { $by }: { $change }
review-open = open
review-ready = ready
review-accepted = accepted
history-source-edit = edit
history-source-import = report import
history-source-restore = older revision brought back
history-assessment = Assessment: { $text }
tui-needs-terminal = the screen interface needs a terminal (scripts have commands: otchet status, otchet export)
editor-failed = cannot open the external editor: { $detail }
editor-exit = the external editor failed ({ $status }); the text is unchanged
demo-failed = cannot prepare the demo: { $detail }
import-whole-store-export = this is an otchet whole-store JSON export, not a period's report: load it into an empty store with otchet import FILE --db NEW_DIR
import-docx-broken-zip = the Word document's zip archive is damaged or cut short ({ $detail })

## dev-generate (hidden: measurements, docs/performance.md)

dev-generate-no-sample = the bundled sample has no texts to draw from
cli-assessments = the standard assessments the screen interface picks with one key (1–9)
cli-usage-assessments = otchet assessments [list | set TEXT…]
cli-assessments-list = show the list of assessments
cli-assessments-set = replace the list (admins only); one quoted argument per assessment
cli-assessment-text = TEXT
cli-assessment-text-help = an assessment's text, e.g. “выполнено в полном объеме в установленные сроки”
assessments-blank = assessment no. { $n } is blank
assessments-too-many = { $n } assessments, but only 9 keys to pick them with
save-state-read-only = read only

## reliability: backups, restore, damaged stores, recovery files (docs/reliability.md)

cli-backup = write a backup of the whole store (JSON with a checksum); works while others keep working
cli-usage-backup = otchet backup FILE [OPTIONS]
cli-backup-file = where to write the backup
cli-restore = load a backup (or a full JSON export) into an empty store
cli-usage-restore = otchet restore FILE [--db NEW_DIR]
cli-restore-file = the backup file: otchet backup FILE, a daily backup from the store's backups folder, or otchet export --format json
backup-done = { $file }: backup written; plans: { $plans }, periods: { $periods }. To restore: otchet restore { $file } --db NEW_DIR
restore-done = { $file }: checksum correct, the backup is loaded into the store { $store }; plans: { $plans }, periods: { $periods }, items: { $items }
restore-done-plain = { $file }: an export without a checksum (nothing to verify) is loaded into the store { $store }; plans: { $plans }, periods: { $periods }, items: { $items }
backup-bad-header = the backup's first line cannot be read: { $detail }
backup-bad-checksum = the backup is damaged: its content does not match its checksum (the file was changed or cut short). Take another one, e.g. the previous day's from the store's backups folder
backup-newer = the backup was made by a newer otchet (format { $found }, this version reads { $supported }); upgrade otchet
server-log-backup-written = daily backup written: { $path }
server-log-backup-failed = daily backup not written: { $detail }
store-damaged = the files of the store { $path } are damaged and it cannot be opened ({ $detail }). The store was not changed. Restore it from a backup into a new folder: otchet restore FILE --db NEW_DIR (the daily backups are in { $path }/backups)
store-damaged-files = the files of the store { $path } are damaged and it cannot be opened ({ $detail }). Do not work with this folder any more. Restore the store from a backup into a new folder: otchet restore FILE --db NEW_DIR (the daily backups are in { $path }/backups)
tui-recovery-failed = not saved: { $error }. The text stays on screen; writing it to a file failed too: { $detail }. Do not close the program; copy the text
recovery-no-home = HOME is not set
recovery-file = A text otchet could not save in the store. Copy it back into the item when the store is available again.
    Store: { $store }
    Period: { $period }, item { $point }
    Time: { $time }
    Reason: { $error }

    Implementation information:
    { $info }

    Assessment of results:
    { $assessment }
store-disk-full = there is no room on the disk of the store { $path }: { $free } KB free, at least { $needed } KB needed. Nothing was written and nothing stored was touched; free some space and save again
store-read-only = the disk of the store { $path } is read-only: nothing was written and nothing stored was touched
store-stopped = the store { $path } takes no more requests: a write to the disk failed ({ $detail }). What is on the disk is not damaged. Free some space and restart the server: otchet serve --stop
tui-recovery-saved = not saved; the text is in { $path } — { $error }

## Store failures as the server tells a client (no server paths; details in the server's log)
fault-internal = the store on the server could not carry out the request; the details are in the server's log (otchet-server.log in the store's folder, or journalctl -u otchet)
fault-damaged = the store's files on the server are damaged; the details are in the server's log. Restore the store from a backup: otchet restore FILE --db NEW_DIR
fault-newer-data = the store holds records of a newer otchet; update otchet
fault-disk-full = there is no room on the store's disk: { $free } KB free, at least { $needed } KB needed. Nothing was written and nothing stored was touched; free some space and save again
fault-read-only = the store's disk is read-only: nothing was written and nothing stored was touched
fault-stopped = the store takes no more requests: a write to the disk failed. What is on the disk is not damaged. Free some space and restart the server: otchet serve --stop
fault-not-empty = the store is not empty: a full export loads only into an empty store (give a new folder: --db NEW_DIR)
cli-store-fault = the store { $path }: { $message }
api-no-revision = the history holds no revision { $revision }
api-owner-stays-admin = the store's owner stays an admin
api-owner-not-removed = the store's owner cannot be removed
api-unsendable = the answer is too large to send
server-log-unsendable = the answer for { $name } was not sent: { $detail }

## Operating-system errors, as the user is told them
os-not-found = no such file or folder
os-permission-denied = permission denied (the file's or folder's rights)
os-already-exists = the file exists already
os-is-a-directory = this is a folder, not a file
os-not-a-directory = part of the path is not a folder
os-storage-full = no space left on the disk
os-read-only = the disk is read-only
os-file-too-large = the file is too large
os-connection-refused = connection refused (is the server running?)
os-connection-lost = the connection was lost
os-timed-out = timed out
os-address-in-use = the address is in use
os-bad-name = an invalid file name
os-too-many-links = too many links
os-invalid-data = damaged data or a wrong encoding
os-out-of-memory = out of memory
os-symlink-loop = a symbolic link (or a loop of them) on the path
os-too-many-files = too many open files
os-error-code = system error (code { $code })
os-other = system error
fs-not-regular = { $path } is not a regular file (a link, a folder or a device): otchet neither opens nor replaces it
fs-foreign-owner = the file { $path } was made by another user (uid { $uid }): it will not be changed; remove it or give it to the store's owner

## plan command

cli-plan = the plan: its organisation, approving act, years and report signatures; who answers for items
cli-usage-plan = otchet plan show | set [OPTIONS] | responsible POINT [TEXT]
cli-plan-show = show the plan
cli-plan-set = change the plan’s fields (admins)
cli-usage-plan-set = otchet plan set [--organisation TEXT] [--approved-by TEXT] [--years 2021-2024] [--signed-by TEXT] [--executor TEXT]
cli-plan-organisation = the local government body’s name
cli-plan-approved-by = the act that approved the plan
cli-plan-signed-by = the report’s signature: the signer’s position and name
cli-plan-executor = the report’s executor, with a phone number
cli-plan-years = the plan’s years, e.g. 2021-2024 or 2022
cli-plan-which = the plan whose years include this year (default: the plan of the latest period)
cli-plan-responsible = show or change who answers for an item (admins change it)
cli-usage-plan-responsible = otchet plan responsible POINT [TEXT]
cli-plan-point = the item’s point in the plan, e.g. 5 or 2.1
cli-plan-responsible-text = the responsible, as the plan writes them; an empty string "" clears them
cli-year = YEAR
cli-bad-year = “{ $value }” is not a year: give four digits, e.g. 2022
cli-bad-years = “{ $value }” are not a plan’s years: give 2021-2024 or 2022
plan-set-nothing = say what to change: --organisation, --approved-by, --years, --signed-by or --executor
plan-no-such = the store has no plan covering { $year } (plans: { $plans })
plan-no-item = the plan for { $years } has no item { $point }
plan-responsible-is = responsible: { $text }
plan-none = —
plan-years = Years
plan-organisation = Organisation
plan-approved-by = Approved by
plan-title = Title
plan-items = Items
plan-items-count = { $n }, sections: { $sections }
plan-columns = Columns
plan-periods = Periods
plan-no-periods = none (open one: otchet period open PERIOD)
plan-signed-by = Signature
plan-executor = Executor
import-plan-done = { $file }: the plan for { $years }, { $items ->
    [one] { $items } item
   *[other] { $items } items
}; items added: { $added }, updated: { $updated }
import-plan-unchanged = { $file }: the plan for { $years } is already loaded, nothing changed
import-plan-next = the plan has no reporting period yet; open the first: otchet period open { $period }
cli-import-years = the plan’s years, when the document does not name them (e.g. 2021-2024)

## period command

cli-period-command = reporting periods: list them, open a new one
cli-usage-period = otchet period list | open ID [--copy-from ID] | close ID | set ID --report-date DATE | summary [--period ID]
cli-period-list = every plan’s periods
cli-period-open = open a new period (admins): 2021-Q2, 2021-H1, 2021-9M, 2021 (the year), 2021-2024 (the plan’s span)
cli-period-id = the period: 2021-Q1 … 2021-Q4, 2021-H1, 2021-9M, 2021 (the year) or the plan’s whole span 2021-2024
cli-period-copy-from = carry over every item’s texts from this period (marked as carried over)
cli-period-close = take back a period opened by mistake, while nothing in it has changed (admins)
cli-period-set = record a period’s report date (admins)
cli-period-report-date = the report date: 13.04.2020 or 2020-04-13; an empty string "" clears it. The period’s deadlines are counted as of it by default
cli-period-summary = the coordinator’s summary: for each responsible, how many items lack a result, are overdue, ready, accepted
period-carried = texts carried over from { $from }: { $n }
period-closed = period { $id } taken back
period-report-date-set = report date of { $id }: { $date }
period-list-date = report date: { $date } · deadlines as of { $as_of }
period-counts = { $items ->
    [one] { $items } item
   *[other] { $items } items
}: no result { $no_result } · overdue { $overdue } · ready { $ready } · accepted { $accepted }
period-summary-heading = { $period } ({ $id }), as of { $date }: who answers for the items
summary-nobody = (no responsible given)
period-opened = opened period { $id }: { $title }
period-already-open = period { $id } is already open: { $title }
period-list-plan = The plan for { $years }
spelling-unreadable = the spelling dictionary { $path } could not be read: { $detail }
spelling-bad-dictionary = the dictionary { $path } could not be parsed: { $detail }
spelling-too-large = the file is over { $mib } MiB
spelling-no-dictionary = spelling is not checked: there is no dictionary { $path }.aff/.dic (install hunspell-ru or set [spelling] dictionary)
spelling-dictionary-unreadable = spelling is not checked: the dictionary { $path } could not be read (the server log says why)
api-parts-missing = the load was cut short: not all of its parts came, nothing was written
api-part-alone = a part of a load came without its start
api-not-a-word = only a single word in Russian letters can be added to the dictionary
dump-refused = the dump was not loaded, the store is unchanged: { $problem }
dump-duplicate-plan = plan { $plan } appears twice
dump-duplicate-item = plan { $plan } has two items with record number { $item }
dump-duplicate-period = period { $period } appears twice
dump-period-outside-plan = period { $period } is outside the plan's years ({ $years })
dump-unknown-item = period { $period } has an entry for item { $item }, which the plan does not have
dump-duplicate-entry = period { $period } has two entries for point { $point }
dump-history-out-of-order = in period { $period } the history of point { $point } is not in revision order
dump-revision-mismatch = in period { $period } point { $point } is at revision { $entry }, but its history ends at { $history }
dump-revision-too-large = in period { $period } point { $point } has an impossible revision number { $revision }
dump-duplicate-user = the user with uid { $uid } is listed twice
dump-part-out-of-order = the parts of the export came out of order
spelling-title = Spelling: “{ $word }”
spelling-no-suggestions = the dictionary has no similar words
spelling-hint = Enter or a digit replaces · + adds the word to the store’s dictionary · Esc closes
spelling-no-word = there is no word the dictionary checks under the cursor
spelling-off = spelling is not checked
spelling-text-changed = the text has changed; the word was not replaced
spelling-word-added = the word was added to the store’s dictionary for everyone
cmd-spelling = spellings of the word under the cursor
export-format-xlsx = an Excel workbook in the report's form, with the marks
export-xlsx-too-long = item { $point } holds { $chars } characters of text and an Excel cell holds { $max }; export this report as docx
tui-review-now-open = item { $point } is open again
tui-review-now-ready = item { $point } is marked ready (d takes the mark off)
tui-review-now-accepted = item { $point } was accepted by the coordinator
tui-imported-plan = plan for { $years } loaded; new items: { $items }; open a period with p
detail-last-due-done = It was due { $date }; the item is done
flag-not-done = not done
tui-exported-without-drafts = { $n ->
    [one] your { $n } unsaved text is not in the file (it holds the saved texts)
   *[other] your { $n } unsaved texts are not in the file (it holds the saved texts)
}
config-bad-type = line { $line }: the value is of the wrong kind; it needs { $kind ->
    [bool] true or false
    [string] text in quotes
    [integer] a whole number without quotes
    [list] a list in square brackets
   *[other] another value (see the example settings in the guide)
}
cli-completions = the shell's completion script: bash, zsh or fish
cli-usage-completions = otchet completions bash|zsh|fish
cli-completions-shell = the shell: bash, zsh or fish
cli-bad-shell = unknown shell “{ $value }”: bash, zsh or fish
cli-manpages = write the manual pages into DIR/man1 and DIR/ru/man1
cli-manpages-failed = could not write the manual pages into { $path }: { $detail }
cli-period-list-ids = the periods' ids only, one per line
cli-doctor = check the installation: the store folder, the server, your role, the dictionary, disk space, backups
cli-usage-doctor = otchet doctor [--db DIR]
doctor-store = store: { $path }
doctor-no-store = there is no store here
doctor-fix-import = otchet import PLAN_OR_REPORT_FILE
doctor-fix = fix: { $command }
doctor-all-well = All is well.
doctor-problems = { $n ->
    [one] { $n } problem found; the commands that fix it are above
   *[other] { $n } problems found; the commands that fix them are above
}
doctor-folder-unreadable = the store folder could not be read
doctor-folder-others = the store folder is open to every user of the server (mode { $mode }): anyone can read or spoil the report
doctor-folder-no-setgid = the shared store folder (mode { $mode }) has no setgid bit: new files would get the wrong group
doctor-folder-group-writes = the group's members may write in the store folder (mode { $mode }): delete or replace its files and socket
doctor-folder-ok = store folder: mode { $mode }, owner { $owner }, group { $group }
doctor-socket-dir-open = the server's socket folder { $path } is writable by all: another process could pose as the server
doctor-socket-dir-ok = socket folder: { $path }
doctor-socket-dir-later = the socket folder { $path } does not exist yet: the server makes it
doctor-not-in-group = you are not in the group “{ $group }” that owns the store (log in again after being added)
doctor-server-not-running = the server is not running now; it starts by itself with the first command (or: sudo systemctl start otchet)
doctor-server-answers = the server answers
doctor-role = you are { $name }, role: { $role }
doctor-spelling-off = spelling is turned off in the settings
doctor-dictionary-ok = spelling dictionary: { $path }
doctor-no-dictionary = there is no spelling dictionary: { $path }
doctor-disk-low = { $mib } MiB left on the store's disk
doctor-disk-ok = free on disk: { $mib } MiB
doctor-backups-off = daily backups are off ([server] backup_days = 0)
doctor-backup-ok = the last backup was made { $hours } h ago
doctor-backup-old = the last backup is { $days } days old: the server has not made one for long
doctor-no-backup-yet = no backups yet: the server makes the first within a day of running
doctor-service-active = the otchet service runs (systemd)
doctor-service-inactive = the otchet service is not running (systemd: { $state })
text-too-long = in item { $point } the field “{ $field }” is { $kib } KiB long and the store takes at most { $limit } KiB in one field; split or shorten the text
text-too-long-document = in the document the field “{ $field }” is { $kib } KiB long and the store takes at most { $limit } KiB in one field
field-title = title
field-organisation = organisation
field-deadline = deadline
field-responsible = responsible
field-info = execution text
field-assessment = assessment
field-extra = extra column
field-approved-by = approving act
field-signed-by = signature
field-executor = executor
field-caption = column caption
field-point = point number
field-user = user name
field-assessments = standard assessment
store-planted-link = { $file } is a link or another user's file, not a store file: someone may have planted it; remove it (rm { $file }) and restore the file from a backup
fault-restore-interrupted = a restore from a backup was interrupted and the store is incomplete: run otchet restore FILE again
store-folder-gone = the store folder was deleted or replaced while the server ran: no more changes are written there
fault-folder-gone = the store folder was deleted or replaced while the server ran: the change was not saved; bring the folder back from a backup and restart the server (otchet serve --stop)
