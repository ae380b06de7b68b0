## Counts

count-items = { $n ->
    [one] { $n } item
   *[other] { $n } items
}

## Store

store-locked = the store { $path } is open in another otchet process. Wait for it to finish or work through it.
store-open-failed = cannot open the store { $path }: { $detail }
store-corrupt = the store { $path } is damaged (tree “{ $tree }”: { $detail }). Restore it from a backup: otchet restore FILE --db NEW_DIR
store-newer-schema = the store { $path } was written by a newer otchet (format { $found }, this version reads { $supported }). Upgrade otchet; the store was not changed.
store-newer-record = the store { $path } holds a record written by a newer otchet (tree “{ $tree }”: { $detail }). Upgrade otchet; the store was not changed.
store-write-failed = cannot write to the store: { $detail }
store-plan-mismatch = the store already holds a { $year } plan of another organisation or act: “{ $stored }”; the file has “{ $imported }”. Use a separate store (--db) for another plan.
store-unknown-period = the store has no period { $period }
store-unknown-item = the plan has no item { $point }

## Import

import-error = { $file }: { $problem }
import-error-at-line = { $file }: line { $line }: { $problem }
import-unreadable = cannot read the file: { $detail }
import-empty = the file is empty
import-binary = the file does not look like a text report (binary data or an unknown encoding; UTF-8, UTF-16 with BOM and windows-1251 are supported)
import-no-header = no report header found: expected the organisation, the reporting period and the approving act, each with its caption in parentheses
import-missing-organisation = the header has no organisation (caption “(наименование органа местного самоуправления)”)
import-missing-period = the header has no reporting period (caption “(отчетный период)”)
import-missing-act = the header has no approving act (caption “(реквизиты …)”)
import-unknown-period = cannot read the reporting period “{ $text }”; expected e.g. “I квартал 2020 года”, “I полугодие 2020 года”, “9 месяцев 2020 года” or “2020 год”
import-no-table = no table found: expected a row of column captions starting with “№ п/п”
import-row-cells = a table row has { $found } { $found ->
    [one] cell
   *[other] cells
}, expected 6
import-duplicate-point = item { $point } appears twice (first on line { $first })
import-no-items = the table holds no plan items
import-bad-docx = the file cannot be read as a Word document (.docx): { $detail }
import-bad-json = the file cannot be read as an otchet JSON export: { $detail }

## Access and protocol

access-not-a-user = user { $name } has no access to this store. Ask an admin to run: otchet users add { $name } --role editor
access-read-only = user { $name } has role “{ $role }”: read only, changes cannot be saved
access-admin-only = user { $name } has role “{ $role }”: only an admin may do this
api-bad-request = bad request: { $detail }
proto-version-mismatch = client version { $client }, server version { $server } ({ $program }): upgrade otchet or restart the server (otchet serve --stop) so both run one version
client-connection-failed = no connection to the otchet server: { $detail }
client-unexpected-response = the otchet server sent an unexpected answer (different program versions?)

## Configuration

config-error = error in the settings file { $file }: { $detail }
config-bad-lang = unknown language “{ $value }” (allowed: ru, en)
config-bad-cache = cache_mib = { $value }: the store cache must be 1 to { $max } MiB

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
cli-date = YYYY-MM-DD
cli-db = the store's folder (default: $OTCHET_DB, then db from the settings file, then ~/.local/share/otchet)
cli-lang = interface language: ru (default) or en
cli-demo = open the interface on a throwaway store holding the sample report
cli-period = reporting period: 2020-Q1 … 2020-Q4, 2020-H1, 2020-9M, 2020 (default: the store's latest)
cli-import = load a report: Word's plain-text table export (UTF-8, UTF-8 with BOM, windows-1251; LF or CRLF)
cli-import-file = the report file
cli-status = show the state of the plan's items in a period
cli-as-of = the date deadlines are counted on (default: today)
cli-json = print the result as JSON
cli-bad-lang = unknown language “{ $value }” (allowed: ru, en)
cli-bad-period = bad period “{ $value }”: expected 2020-Q1 … 2020-Q4, 2020-H1, 2020-9M or 2020
cli-bad-date = bad date “{ $value }”: expected YYYY-MM-DD, e.g. 2020-04-13
cli-no-store-path = cannot tell where the store is: give --db DIR or set OTCHET_DB

## import command

import-done = { $file }: period { $period }, { $items ->
    [one] { $items } item
   *[other] { $items } items
} in the report; items added: { $added }, updated: { $updated }, entries changed: { $entries }
import-unchanged = { $file }: period { $period } is already loaded, nothing changed
import-kept = stored texts that empty cells of the file did not erase: { $n }

## status command

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
